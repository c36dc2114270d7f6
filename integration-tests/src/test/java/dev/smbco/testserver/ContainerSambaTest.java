package dev.smbco.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The container path (Testcontainers, image localhost/smbco-samba): pinned, so CI runs it for real. */
@UseSamba(backend = SambaBackend.CONTAINER)
class ContainerSambaTest extends ServerPathContract {
    @Override
    SambaBackend backend() {
        return SambaBackend.CONTAINER;
    }

    @Test
    void mapsPort445ToAFreeHostPort(SambaServer server) {
        assertThat(server.port()).isNotEqualTo(445);
    }
}
