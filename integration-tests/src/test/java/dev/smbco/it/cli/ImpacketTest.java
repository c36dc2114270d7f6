package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirEntry;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Dialect;
import dev.smbco.testserver.ImpacketServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second server implementation: impacket's smbserver (SMB 2.0.2/2.1, NTLM). The CLI and the
 * library round trips are byte-exact, checked against the files in the server's directory on
 * disk; where impacket lacks a feature the client fails typed, never with a silent difference.
 * (A 2.0.2 WRITE with WriteChannelInfoOffset 0x70 made this server store a shifted, truncated file
 * while the CLI reported success.)
 */
class ImpacketTest {
    private static Path root;
    private static ImpacketServer server;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        root = Files.createTempDirectory("smbco-impacket-");
        server = ImpacketServer.start(root.resolve("share"), root.resolve("work"));
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (root != null) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Cli cli() {
        return new Cli(new Cli.Endpoint(server.host(), server.port(), server.user(), server.password(), server.share())).mkdir();
    }

    /** The server's own view: its directory on disk. */
    private static RoundTrip.ServerView disk(Cli cli) {
        Path base = server.dir().resolve(cli.dir);
        return new RoundTrip.ServerView() {
            @Override
            public byte[] read(String path) throws IOException {
                return Files.readAllBytes(base.resolve(path));
            }

            @Override
            public boolean exists(String path) {
                return Files.exists(base.resolve(path));
            }
        };
    }

    @Test
    void cliRoundTripIsByteExact() throws Exception {
        Cli cli = cli();
        RoundTrip.run(cli, tmp, disk(cli));
    }

    @Test
    void cliRoundTripSigned() throws Exception {
        Cli cli = cli();
        RoundTrip.run(cli, tmp, disk(cli), "--signing", "required");
    }

    /**
     * smb to smb on one impacket share: whether the server does the copy (COPYCHUNK) or smbco
     * streams it, the copy on disk is byte-exact - never a silent difference.
     */
    @Test
    void copyWithinTheServerIsByteExact() throws Exception {
        Cli cli = cli();
        byte[] data = new byte[2 * 1024 * 1024 + 3];
        new Random(5).nextBytes(data);
        Path local = Files.write(tmp.resolve("src.bin"), data);
        assertThat(cli.run("-q", "put", local.toString(), cli.url("src.bin")).status()).isZero();
        Cli.Result copy = cli.run("-q", "cp", cli.url("src.bin"), cli.url("copy.bin"));
        assertThat(copy.status()).as(copy.toString()).isZero();
        assertThat(Files.readAllBytes(server.dir().resolve(cli.dir).resolve("copy.bin"))).isEqualTo(data);
    }

    /** impacket has no SMB 3: asking for encryption is a typed refusal, not a plain connection. */
    @Test
    void encryptionIsRefusedTyped() {
        Cli cli = new Cli(new Cli.Endpoint(server.host(), server.port(), server.user(), server.password(), server.share()));
        Cli.Result r = cli.run("--encrypt", "ls", cli.share(server.share()));
        assertThat(r.status()).as(r.toString()).isNotZero();
        assertThat(r.err()).containsIgnoringCase("encrypt");
    }

    @Test
    void libraryRoundTripIsByteExact() throws Exception {
        String dir = "lib-" + UUID.randomUUID().toString().substring(0, 8);
        byte[] data = new byte[3 * 1024 * 1024 + 7];
        new Random(3).nextBytes(data);
        try (SmbClient client = SmbClient.create();
             SmbConnection conn = client.connect(server.host(), server.port())) {
            assertThat(conn.negotiated().dialect()).isIn(Dialect.SMB2_02, Dialect.SMB2_10);
            SmbTree tree = conn.sessionSetup(Credentials.ntlm(server.user(), server.password().toCharArray(), ""))
                    .treeConnect(server.share());
            tree.mkdir(dir);
            assertThat(Files.isDirectory(server.dir().resolve(dir))).isTrue();
            try (SmbFile f = tree.open(dir + "/data.bin", OpenOptions.write())) {
                assertThat(f.write(0, data)).isEqualTo(data.length);
            }
            assertThat(Files.readAllBytes(server.dir().resolve(dir).resolve("data.bin"))).isEqualTo(data);
            try (SmbFile f = tree.open(dir + "/data.bin", OpenOptions.read()); java.io.InputStream in = f.inputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            assertThat(tree.list(dir).stream().map(DirEntry::name)).containsExactly("data.bin");
            tree.rename(dir + "/data.bin", dir + "/renamed.bin", false);
            assertThat(Files.exists(server.dir().resolve(dir).resolve("data.bin"))).isFalse();
            assertThat(Files.readAllBytes(server.dir().resolve(dir).resolve("renamed.bin"))).isEqualTo(data);
            tree.delete(dir + "/renamed.bin");
            tree.rmdir(dir);
            assertThat(Files.exists(server.dir().resolve(dir))).isFalse();
        }
    }
}
