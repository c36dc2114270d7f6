package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each documented exit status, produced by a real situation against real Samba. */
@ExtendWith(SambaExtension.class)
class CliExitStatusTest {
    @org.junit.jupiter.api.AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }


    @Test
    void zeroOnSuccessIncludingGuest(SambaServer server) {
        Cli cli = new Cli(server);
        assertThat(cli.run("ls", cli.share(server.share())).status()).isZero();
        Cli guest = new Cli(server).withoutEnvironment();
        Cli.Result r = guest.run("--guest", "ls", "smb://" + server.host() + ":" + server.port() + "/" + server.publicShare());
        assertThat(r.status()).as(r.toString()).isZero();
    }

    @Test
    void protocolOptionsReachTheConnection(SambaServer server) {
        Cli cli = new Cli(server);
        assertThat(cli.run("--max-protocol", "SMB2_10", "ls", cli.share(server.share())).status()).isZero();
        assertThat(cli.run("--min-protocol", "smb3_11", "--signing", "required", "ls", cli.share(server.share())).status()).isZero();
        Cli.Result enc = cli.run("--encrypt", "ls", cli.share(server.encryptedShare()));
        assertThat(enc.status()).as(enc.toString()).isZero();
        Cli.Result crossed = cli.run("--min-protocol", "SMB3_11", "--max-protocol", "SMB3_00", "ls", cli.share(server.share()));
        assertThat(crossed.status()).isEqualTo(2);
        assertThat(crossed.err()).isEqualTo("smbco: --min-protocol SMB3_11 is newer than --max-protocol SMB3_00\n");
        Cli.Result encOld = cli.run("--encrypt", "--max-protocol", "SMB2_10", "ls", cli.share(server.share()));
        assertThat(encOld.status()).isEqualTo(2);
        assertThat(encOld.err()).startsWith("smbco: encryption REQUIRED needs SMB 3.x");
    }

    @Test
    void oneForAMissingFileNamesUrlAndStatus(SambaServer server) {
        Cli cli = new Cli(server).mkdir();
        Cli.Result r = cli.run("get", cli.url("x.txt"), "-");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("smbco: " + cli.shown("x.txt") + ": no such file (STATUS_OBJECT_NAME_NOT_FOUND)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void oneForAMissingShare(SambaServer server) {
        Cli cli = new Cli(server);
        Cli.Result r = cli.run("ls", cli.share("no-such-share"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no-such-share").contains("STATUS_BAD_NETWORK_NAME");
    }

    @Test
    void oneForWritingToAReadOnlyShare(SambaServer server) {
        Cli cli = new Cli(server);
        Cli.Result r = cli.run("mkdir", cli.share(server.readOnlyShare()) + "/newdir");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith("smbco: smb://").contains("(STATUS_");
    }

    @Test
    void twoForUsageErrors(SambaServer server) {
        Cli cli = new Cli(server);
        Cli.Result url = cli.run("ls", "smb://" + server.host() + ":70000/share");
        assertThat(url.status()).isEqualTo(2);
        assertThat(url.err()).startsWith("smbco: malformed URL");
        assertThat(cli.run("ls").status()).isEqualTo(2);
        assertThat(cli.run("frobnicate").status()).isEqualTo(2);
        assertThat(cli.run("get", "/not/a/url").status()).isEqualTo(2);
    }

    @Test
    void threeWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Cli.Result r = new Cli(new Fake("127.0.0.1", port)).run("ls", "smb://u@127.0.0.1:" + port + "/share");
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).startsWith("smbco: ").contains("127.0.0.1:" + port).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(r.err().lines().count()).isEqualTo(1);
        // one plain sentence, not Netty's "finishConnect(..) failed with error(-111): Connection refused"
        assertThat(r.err()).endsWith(": cannot connect: connection refused\n").doesNotContain("finishConnect").doesNotContain("error(");
    }

    @Test
    void threeWithoutCredentialsAndNoTerminal(SambaServer server) {
        Cli cli = new Cli(server).withoutEnvironment();
        Cli.Result r = cli.run("ls", "smb://" + server.host() + ":" + server.port() + "/" + server.share());
        assertThat(r.status()).isEqualTo(3);
        assertThat(r.err()).contains("SMBCO_USER").contains("--guest");
    }

    @Test
    void fourForAWrongPassword(SambaServer server) {
        Cli cli = new Cli(server).withoutEnvironment();
        Cli.Result r = cli.run("ls", "smb://" + server.user() + ":wrong-password@" + server.host() + ":" + server.port() + "/" + server.share());
        assertThat(r.status()).isEqualTo(4);
        assertThat(r.err()).contains("STATUS_LOGON_FAILURE").doesNotContain("wrong-password");
    }

    @Test
    void verboseAddsTheStackTrace(SambaServer server) {
        Cli cli = new Cli(server).mkdir();
        Cli.Result r = cli.run("-v", "stat", cli.url("none"));
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("\tat ");
    }

    /** A server address where nothing listens. */
    private record Fake(String host, int port) implements SambaServer {
        @Override public String user() { return "u"; }
        @Override public String password() { return "p"; }
        @Override public String domain() { return "WORKGROUP"; }
        @Override public dev.smbco.testserver.SambaVariant variant() { return dev.smbco.testserver.SambaVariant.DEFAULT; }
        @Override public dev.smbco.testserver.SambaBackend backend() { return dev.smbco.testserver.SambaBackend.EXTERNAL; }
    }
}
