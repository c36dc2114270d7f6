package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.Negotiated;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.Smbclient;
import dev.smbco.testserver.UseSamba;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's dialect capped, the client at its defaults (it offers 2.0.2 to 3.1.1): Samba with
 * {@code server max protocol} each of SMB2_02, SMB2_10, SMB3_00, SMB3_02 and SMB3_11, and a server
 * with 64 KiB I/O limits. Each cell runs the CLI {@link RoundTrip} plain, with signing required
 * and, where the dialect has it (3.x), encrypted; uploads are checked with Samba's own
 * {@code smbclient}. (DialectMatrixTest caps the client; old servers were the blind spot: a 2.0.2
 * server failed every command on VALIDATE_NEGOTIATE_INFO.)
 */
@ExtendWith(SambaExtension.class)
class ServerCapMatrixTest {
    @TempDir
    Path tmp;

    @AfterEach
    void cleanUp() {
        Cli.removeCreated();
    }

    @Test
    void serverMaxSmb2_02(@UseSamba(variant = SambaVariant.MAX_SMB2_02) SambaServer server) throws Exception {
        cell(server, false);
    }

    @Test
    void serverMaxSmb2_10(@UseSamba(variant = SambaVariant.MAX_SMB2_10) SambaServer server) throws Exception {
        cell(server, false);
    }

    @Test
    void serverMaxSmb3_00(@UseSamba(variant = SambaVariant.MAX_SMB3_00) SambaServer server) throws Exception {
        cell(server, true);
    }

    @Test
    void serverMaxSmb3_02(@UseSamba(variant = SambaVariant.MAX_SMB3_02) SambaServer server) throws Exception {
        cell(server, true);
    }

    /** {@link SambaVariant#DEFAULT} is {@code server max protocol = SMB3_11}. */
    @Test
    void serverMaxSmb3_11(@UseSamba(variant = SambaVariant.DEFAULT) SambaServer server) throws Exception {
        cell(server, true);
    }

    /** {@code smb2 max read = smb2 max write = smb2 max trans = 65536}: I/O is split to fit, byte-exact. */
    @Test
    void smallIoLimits(@UseSamba(variant = SambaVariant.SMALL_IO) SambaServer server) throws Exception {
        try (SmbClient client = SmbClient.create(); SmbConnection conn = client.connect(server.host(), server.port())) {
            Negotiated n = conn.negotiated();
            assertThat(List.of(n.maxReadSize(), n.maxWriteSize(), n.maxTransactSize())).as("the server's limits took").containsOnly(65536);
        }
        cell(server, true);
    }

    /** A 2.0.2 server asked for encryption: a typed refusal, not a silent plain connection. */
    @Test
    void encryptionOnA202ServerIsRefused(@UseSamba(variant = SambaVariant.MAX_SMB2_02) SambaServer server) {
        encryptionRefused(server);
    }

    @Test
    void encryptionOnA21ServerIsRefused(@UseSamba(variant = SambaVariant.MAX_SMB2_10) SambaServer server) {
        encryptionRefused(server);
    }

    private static void encryptionRefused(SambaServer server) {
        Cli cli = new Cli(server);
        Cli.Result r = cli.run("--encrypt", "ls", cli.share(server.share()));
        assertThat(r.status()).as(r.toString()).isNotZero();
        assertThat(r.err()).containsIgnoringCase("encrypt");
    }

    private void cell(SambaServer server, boolean smb3) throws Exception {
        String[][] modes = smb3 ? new String[][] {{}, {"--signing", "required"}, {"--encrypt"}}
                : new String[][] {{}, {"--signing", "required"}};
        for (String[] mode : modes) {
            Cli cli = new Cli(server).mkdir();
            Path dir = Files.createDirectories(tmp.resolve("mode" + mode.length + (mode.length > 0 ? mode[0].substring(2) : "")));
            RoundTrip.run(cli, dir, smbclientView(server, cli.dir, dir), mode);
        }
    }

    /** What Samba holds, read with smbclient (an independent client) into {@code scratch}. */
    static RoundTrip.ServerView smbclientView(SambaServer server, String dir, Path scratch) {
        return new RoundTrip.ServerView() {
            private int n;

            @Override
            public byte[] read(String path) throws Exception {
                Path target = scratch.resolve("smbclient-" + n++);
                Smbclient.Result r = Smbclient.run(server, server.share(),
                        "get \"" + dir + "/" + path + "\" \"" + target + "\"");
                assertThat(r.exitCode()).as("smbclient get " + path + ": " + r.output()).isZero();
                return Files.readAllBytes(target);
            }

            @Override
            public boolean exists(String path) throws Exception {
                Smbclient.Result r = Smbclient.run(server, server.share(), "ls \"" + dir + "/" + path + "\"");
                return r.exitCode() == 0 && !r.output().contains("NT_STATUS_");
            }
        };
    }
}
