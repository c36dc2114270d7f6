package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.ResponseRewrites;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smbco put/cp/get} never report success for data the server does not hold (#19): through a
 * FaultProxy the server says it took fewer bytes (WRITE Count), returned fewer (READ), took none,
 * or holds another size (CLOSE EndofFile). Each outcome is checked on the server through a fresh
 * connection of its own: byte-exact, or exit 1 with nothing under the real name (nor a partial).
 */
@ExtendWith(SambaExtension.class)
class CliServerHoldsTest {
    /** One WRITE / READ in the CLI (up to 1 MiB), and the streaming path above it. */
    private static final int SMALL = 100_000;
    private static final int LARGE = 3 * 1024 * 1024 + 517;

    @TempDir
    Path tmp;

    @AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }

    private Path local(String name, int size) throws Exception {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return Files.write(tmp.resolve(name), b);
    }

    private static IntUnaryOperator halveFirst(int times) {
        AtomicInteger seen = new AtomicInteger();
        return n -> seen.incrementAndGet() <= times ? n / 2 : n;
    }

    @Test
    void aPutWhoseWritesTheServerTookOnlyPartlyIsByteExact(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            for (int size : new int[] {SMALL, LARGE}) {
                proxy.serverToClient().clear();
                proxy.serverToClient().rewrite(Frames.finalResponse(Command.WRITE.code()), 0, ResponseRewrites.writeCount(halveFirst(2)));
                Path src = local("f" + size + ".bin", size);
                Cli.Result r = cli.run("-q", "put", src.toString(), cli.url("f" + size + ".bin"));
                assertThat(r.status()).as(r.toString()).isZero();
                assertThat(ServerView.read(server, direct.dir + "/f" + size + ".bin")).as("%d bytes on the server", size)
                        .isEqualTo(Files.readAllBytes(src));
            }
        }
    }

    @Test
    void anUploadWhoseCloseReportsAnotherSizeExits1AndLeavesNothing(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            proxy.serverToClient().rewrite(Frames.finalResponse(Command.CLOSE.code()), 0, ResponseRewrites.closeEndOfFile(eof -> 65_424));
            for (String command : new String[] {"put", "cp"}) {
                for (int size : new int[] {SMALL, LARGE}) {
                    String name = command + size + ".bin";
                    Path src = local(name, size);
                    // --no-compound: the proxy rewrites single-message CLOSE responses (CompoundTest covers compounds)
                    Cli.Result r = cli.run("-q", "--no-compound", command, src.toString(), cli.url(name));
                    assertThat(r.status()).as(r.toString()).isEqualTo(1);
                    assertThat(r.err()).as(r.toString())
                            .isEqualTo("smbco: " + cli.shown(name) + ": the server holds 65424 bytes, but " + size + " were sent\n");
                }
            }
        }
        assertThat(ServerView.names(server, direct.dir)).as("nothing under the real names, no partial file").isEmpty();
    }

    @Test
    void aServerThatAcceptsNoDataIsExit1AndLeavesNothing(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            proxy.serverToClient().rewrite(Frames.finalResponse(Command.WRITE.code()), 0, ResponseRewrites.writeCount(n -> 0));
            for (int size : new int[] {SMALL, LARGE}) {
                // --no-compound: the proxy rewrites single-message WRITE responses (CompoundTest covers compounds)
                Cli.Result r = cli.run("-q", "--no-compound", "put", local("z.bin", size).toString(), cli.url("z.bin"));
                assertThat(r.status()).as(r.toString()).isEqualTo(1);
                assertThat(r.err()).as(r.toString()).startsWith("smbco: " + cli.shown("z.bin") + ": the server accepted no data");
            }
        }
        assertThat(ServerView.names(server, direct.dir)).isEmpty();
    }

    @Test
    void aGetWithShortReadsIsByteExact(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            for (int size : new int[] {SMALL, LARGE}) {
                Path src = local("g" + size + ".bin", size);
                assertThat(direct.run("-q", "put", src.toString(), direct.url("g" + size + ".bin")).status()).isZero();
                proxy.serverToClient().clear();
                proxy.serverToClient().rewrite(Frames.finalResponse(Command.READ.code()), 0, ResponseRewrites.readTrimmedTo(halveFirst(3)));
                Path dest = Files.createDirectories(tmp.resolve("down" + size));
                Cli.Result r = cli.run("-q", "get", cli.url("g" + size + ".bin"), dest + "/");
                assertThat(r.status()).as(r.toString()).isZero();
                assertThat(Files.readAllBytes(dest.resolve("g" + size + ".bin"))).as("%d bytes", size).isEqualTo(Files.readAllBytes(src));
            }
        }
    }

    @Test
    void putVerifyReadsTheCopyBackAndAMismatchLeavesNothing(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        Path src = local("v.bin", SMALL);
        Cli.Result ok = direct.run("-q", "put", "--verify", src.toString(), direct.url("v.bin"));
        assertThat(ok.status()).as(ok.toString()).isZero();
        assertThat(ServerView.read(server, direct.dir + "/v.bin")).isEqualTo(Files.readAllBytes(src));
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            // the run's only READ is the read-back: flip a byte of its data (the READ response's data starts at 64 + 16)
            proxy.serverToClient().corrupt(Frames.finalResponse(Command.READ.code()), 1, 64 + 16 + 1000);
            // --no-compound: the proxy corrupts a single-message READ response
            Cli.Result bad = cli.run("-q", "--no-compound", "cp", "--verify", src.toString(), cli.url("w.bin"));
            assertThat(bad.status()).as(bad.toString()).isEqualTo(1);
            assertThat(bad.err()).as(bad.toString()).startsWith("smbco: " + cli.shown("w.bin") + ": verification failed: SHA-256 of the copy ");
        }
        assertThat(ServerView.names(server, direct.dir)).as("only the verified copy").containsExactly("v.bin");
    }

    @Test
    void aFailedPutNamesThePathTheUserGaveNotThePartialFile(SambaServer server) throws Exception {
        Cli cli = new Cli(server);
        String name = "x-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        Cli.Result r = cli.run("-q", "put", local("x.txt", 10).toString(), cli.share(server.readOnlyShare()) + "/" + name);
        assertThat(r.status()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).as(r.toString())
                .isEqualTo("smbco: smb://" + server.host() + ":" + server.port() + "/" + server.readOnlyShare() + "/" + name
                        + ": permission denied (STATUS_ACCESS_DENIED)\n");
    }
}
