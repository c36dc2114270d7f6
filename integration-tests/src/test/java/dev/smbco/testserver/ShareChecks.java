package dev.smbco.testserver;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What every test server must do, checked with smbclient: the shares, the user, the guest. */
final class ShareChecks {
    private ShareChecks() {
    }

    /** {@code share}: the user lists it and round-trips a file through put/get. */
    static void userRoundTripsAFile(SambaServer server, Path workDir) throws Exception {
        String name = "probe-" + UUID.randomUUID() + ".txt";
        String content = "smbco round trip " + UUID.randomUUID() + "\n";
        Path up = workDir.resolve("up.txt");
        Path down = workDir.resolve("down.txt");
        Files.writeString(up, content);

        Smbclient.Result r = Smbclient.run(server, server.share(),
                "put " + up + " " + name + "; ls; get " + name + " " + down + "; del " + name);

        assertThat(r.output()).as("smbclient on %s", server.describe())
                .contains(name)
                .doesNotContain("NT_STATUS_");
        assertThat(r.exitCode()).as("smbclient exit code, output: %s", r.output()).isZero();
        assertThat(Files.readString(down, StandardCharsets.UTF_8)).isEqualTo(content);
    }

    /** {@code ro}: readable, holds the known file, refuses writes. */
    static void readOnlyShareRefusesWrites(SambaServer server, Path workDir) throws Exception {
        Path up = workDir.resolve("ro-up.txt");
        Files.writeString(up, "x");
        Smbclient.Result r = Smbclient.run(server, server.readOnlyShare(), "ls; put " + up + " nope.txt");
        assertThat(r.output()).contains(SambaServer.READ_ONLY_FILE).contains("NT_STATUS_ACCESS_DENIED");
    }

    /** {@code public}: a guest may write. */
    static void guestWritesPublic(SambaServer server, Path workDir) throws Exception {
        Path up = workDir.resolve("guest.txt");
        Files.writeString(up, "guest was here\n");
        String name = "guest-" + UUID.randomUUID() + ".txt";
        Smbclient.Result r = Smbclient.runAsGuest(server, server.publicShare(), "put " + up + " " + name + "; ls; del " + name);
        assertThat(r.output()).contains(name).doesNotContain("NT_STATUS_");
    }

    /** {@code share}: change notify reports a file created by another connection. */
    static void changeNotifySeesANewFile(SambaServer server, Path workDir) throws Exception {
        Path up = workDir.resolve("notify.txt");
        Files.writeString(up, "n");
        String name = "notified-" + UUID.randomUUID() + ".txt";
        String line = Smbclient.firstNotification(server, server.share(), java.time.Duration.ofSeconds(20),
                () -> Smbclient.run(server, server.share(), "put " + up + " " + name));
        assertThat(line).as("first change notification").isNotNull().contains(name);
        Smbclient.run(server, server.share(), "del " + name);
    }

    /** {@code share}: a wrong password is refused. */
    static void wrongPasswordIsRefused(SambaServer server) throws Exception {
        Smbclient.Result r = Smbclient.runAs(server, server.share(), server.user(), "wrong-" + server.password(), "ls");
        assertThat(r.output()).contains("NT_STATUS_LOGON_FAILURE");
        assertThat(r.exitCode()).isNotZero();
    }
}
