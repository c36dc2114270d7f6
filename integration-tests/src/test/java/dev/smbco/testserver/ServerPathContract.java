package dev.smbco.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every server path must do for the test user; each subclass pins one backend with
 * {@link UseSamba}, so CI runs every path for real.
 */
@ExtendWith(SambaExtension.class)
abstract class ServerPathContract {
    @TempDir
    Path work;

    /** The backend the subclass pins. */
    abstract SambaBackend backend();

    @Test
    void servesShareToTheTestUser(SambaServer server) throws Exception {
        assertThat(server.backend()).isEqualTo(backend());
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
