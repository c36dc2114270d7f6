package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --deadline DURATION}: one deadline for the whole command. A server made slow by the
 * {@link FaultProxy} (each answer of one kind held back, each far within {@code --timeout}) would
 * let the command run for many seconds; with the deadline it ends soon after it with one line
 * naming the deadline and exit status 3 (timed out), and leaves its partial files as any failure
 * does: none without {@code --resume}. The margin asserted is bounded and loose, never a tight figure.
 */
@ExtendWith(SambaExtension.class)
class CliDeadlineTest {
    /** How long after the deadline the command may end: cancelling, deleting the partial file, closing. */
    private static final long MARGIN_MS = 15_000;

    @TempDir
    Path tmp;

    @AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }

    /** Holds every final response to {@code command} back {@code millis} (the proxy's pump sleeps). */
    private static void slowDown(FaultProxy proxy, Command command, long millis) {
        proxy.serverToClient().rewrite(Frames.finalResponse(command.code()), 0, frame -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return frame;
        });
    }

    private record Timed(Cli.Result result, long millis) {
    }

    private static Timed timed(Cli cli, String... args) {
        long start = System.nanoTime();
        Cli.Result r = cli.run(args);
        return new Timed(r, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private static void assertDeadlineLine(Timed t, long deadlineMs) {
        assertThat(t.result().status()).as(t.result().toString()).isEqualTo(3);
        List<String> lines = t.result().err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as(t.result().toString()).hasSize(1);
        assertThat(lines.get(0)).startsWith("smbco: deadline of " + deadlineMs / 1000 + " s exceeded: ");
        assertThat(t.millis()).as("ms the command ran").isGreaterThanOrEqualTo(deadlineMs - 50).isLessThan(deadlineMs + MARGIN_MS);
    }

    @Test
    void aSlowDownloadEndsAtTheDeadlineWithoutAPartialFile(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        Path big = BigFile.write(tmp.resolve("big.bin"), 64);
        assertThat(direct.run("-q", "put", big.toString(), direct.url("big.bin")).status()).isZero();
        Path dest = Files.createDirectories(tmp.resolve("dest"));
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            slowDown(proxy, Command.READ, 1_000); // 8 READs of 8 MiB: 8 s without a deadline
            Timed t = timed(cli, "-q", "--timeout", "30", "--deadline", "2s", "get", cli.url("big.bin"), dest + "/");
            assertDeadlineLine(t, 2_000);
            assertThat(t.result().err()).contains("big.bin");
            try (Stream<Path> left = Files.list(dest)) {
                assertThat(left.map(p -> p.getFileName().toString()).toList()).as("files left in the destination").isEmpty();
            }
        }
    }

    @Test
    void aSlowUploadEndsAtTheDeadlineWithoutAFileOnTheServer(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        Path big = BigFile.write(tmp.resolve("up.bin"), 64);
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            slowDown(proxy, Command.WRITE, 1_000); // 8 WRITEs of 8 MiB: 8 s without a deadline
            Timed t = timed(cli, "-q", "--timeout", "30", "--deadline", "2s", "put", big.toString(), cli.url("up.bin"));
            assertDeadlineLine(t, 2_000);
        }
        Cli.Result ls = direct.run("ls", direct.url(""));
        assertThat(ls.status()).as(ls.toString()).isZero();
        assertThat(ls.out()).as("neither the file nor its partial file on the server").doesNotContain("up.bin");
    }

    @Test
    void slowMetadataCommandsEndAtTheDeadline(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        Path small = Files.write(tmp.resolve("small.txt"), "small".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(direct.run("mkdir", direct.url("sub")).status()).isZero();
        assertThat(direct.run("-q", "put", small.toString(), direct.url("sub/small.txt")).status()).isZero();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            // the tree connect is answered at once; every CREATE (stat, listing, deleteTree) 6 s late
            slowDown(proxy, Command.CREATE, 6_000);
            assertDeadlineLine(timed(cli, "--timeout", "30", "--deadline", "2s", "stat", cli.url("sub/small.txt")), 2_000);
            assertDeadlineLine(timed(cli, "--timeout", "30", "--deadline", "2s", "ls", cli.url("sub")), 2_000);
            assertDeadlineLine(timed(cli, "--timeout", "30", "--deadline", "2s", "rm", "-r", cli.url("sub")), 2_000);
        }
        // without the slow server the share answers within the same deadline: it was the only cause
        Cli.Result ls = direct.run("--deadline", "30s", "ls", direct.url(""));
        assertThat(ls.status()).as(ls.toString()).isZero();
    }

    @Test
    void aMalformedDeadlineIsAUsageError(SambaServer server) {
        Cli cli = new Cli(server);
        for (String bad : new String[] {"0", "soon", "10x", "5 s"}) {
            Cli.Result r = cli.run("--deadline", bad, "ls", cli.url(""));
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(2);
            assertThat(r.err()).as(bad).contains("--deadline");
        }
    }
}
