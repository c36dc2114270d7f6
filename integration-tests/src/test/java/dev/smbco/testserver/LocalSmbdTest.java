package dev.smbco.testserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The private local smbd path (docker/samba-setup.sh local): pinned, so CI runs it for real. */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = SambaBackend.LOCAL)
class LocalSmbdTest {
    @TempDir
    Path work;

    @Test
    void servesShareToTheTestUser(SambaServer server) throws Exception {
        assertThat(server.backend()).isEqualTo(SambaBackend.LOCAL);
        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.user()).isEqualTo("test");
        ShareChecks.userRoundTripsAFile(server, work);
    }

    @Test
    void readOnlyShareRefusesWrites(SambaServer server) throws Exception {
        ShareChecks.readOnlyShareRefusesWrites(server, work);
    }

    @Test
    void guestWritesPublic(SambaServer server) throws Exception {
        ShareChecks.guestWritesPublic(server, work);
    }

    @Test
    void changeNotifyWorks(SambaServer server) throws Exception {
        ShareChecks.changeNotifySeesANewFile(server, work);
    }

    @Test
    void wrongPasswordIsRefused(SambaServer server) throws Exception {
        ShareChecks.wrongPasswordIsRefused(server);
    }

    @Test
    void sameVariantAndBackendShareOneServer(SambaServer first, SambaServer second) {
        assertThat(second).isSameAs(first);
    }
}
