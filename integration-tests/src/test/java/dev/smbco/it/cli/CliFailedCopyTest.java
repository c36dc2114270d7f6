package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.cli.transfer.PartialFiles;
import dev.smbco.testserver.DedicatedSambaServer;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copy whose server goes away midway: exit 3, and nothing under the destination's name that
 * could be taken for a complete copy. A download is checked in the local directory (no file, no
 * leftover temporary file); an upload on the server itself, through a fresh connection: where the
 * server is killed there is nothing left to look at, so the upload whose connection is cut (the
 * server stays up) is the one that shows it. These run with {@code --no-reconnect}: by default the
 * CLI reconnects (and a cut copy completes, see the last test), and a killed server would cost the
 * reconnect deadline before the same exit 3.
 */
@ExtendWith(SambaExtension.class)
class CliFailedCopyTest {
    @org.junit.jupiter.api.AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }

    private static final int SIZE_MIB = 384;

    @TempDir
    Path tmp;

    @Test
    void downloadFromAServerThatIsKilledMidway(DedicatedSambaServer server) throws Exception {
        Cli cli = new Cli(server).mkdir();
        Path big = BigFile.write(tmp.resolve("big.bin"), SIZE_MIB);
        Cli.Result put = cli.run("-q", "put", big.toString(), cli.url("big.bin"));
        assertThat(put.status()).as(put.toString()).isZero();

        Path dest = Files.createDirectories(tmp.resolve("dest"));
        CompletableFuture<Cli.Result> copy = CompletableFuture.supplyAsync(
                () -> cli.run("--timeout", "10", "--no-reconnect", "cp", cli.url("big.bin"), dest + "/"));
        waitForPartialFile(dest, copy);
        server.kill();
        Cli.Result r = copy.get(90, TimeUnit.SECONDS);

        assertThat(r.status()).as(r.toString()).isEqualTo(3);
        assertThat(r.err().lines().toList()).as(r.toString()).hasSize(1);
        assertThat(names(dest)).as("no big.bin, no .smbco-part file").isEmpty();
    }

    @Test
    void uploadToAServerThatIsStoppedMidway(DedicatedSambaServer server) throws Exception {
        Cli cli = new Cli(server).mkdir();
        Path big = BigFile.write(tmp.resolve("big.bin"), SIZE_MIB);
        CompletableFuture<Cli.Result> copy = CompletableFuture.supplyAsync(
                () -> cli.run("--timeout", "10", "--no-reconnect", "cp", big.toString(), cli.url("big.bin")));
        // wait until the upload is under way: its temporary file shows in a listing
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!copy.isDone() && System.nanoTime() < deadline) {
            Cli.Result ls = new Cli(server).run("ls", "-l", cli.url(""));
            if (ls.out().contains(".smbco-part-") && !ls.out().matches("(?s).*\\s0  \\S+ \\S+  \\.big.*")) {
                break;
            }
            Thread.sleep(5);
        }
        assertThat(copy).as("the upload should still be running when the server is stopped").isNotDone();
        server.kill();
        Cli.Result r = copy.get(90, TimeUnit.SECONDS);
        assertThat(r.status()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).doesNotContain("\tat ");
        assertThat(Files.size(big)).as("the source is untouched").isEqualTo((long) SIZE_MIB << 20);
    }

    @Test
    void anUploadWhoseConnectionIsCutMidwayLeavesNothingUnderTheRealName(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        Path big = BigFile.write(tmp.resolve("big.bin"), SIZE_MIB);
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            CompletableFuture<Cli.Result> copy = CompletableFuture.supplyAsync(
                    () -> cli.run("--timeout", "10", "--no-reconnect", "cp", big.toString(), cli.url("big.bin")));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!copy.isDone() && System.nanoTime() < deadline) {
                Cli.Result ls = direct.run("ls", "-l", direct.url(""));
                if (ls.out().contains(".smbco-part-") && !ls.out().matches("(?s).*\\s0  \\S+ \\S+  \\.big.*")) {
                    break;
                }
                Thread.sleep(5);
            }
            assertThat(copy).as("the upload should still be running when its connection is cut").isNotDone();
            proxy.cut();
            Cli.Result r = copy.get(90, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.toString()).isEqualTo(3);
        }
        List<String> left = ServerView.names(server, direct.dir);
        assertThat(left).as("nothing under the real name").doesNotContain("big.bin");
        assertThat(left).as("at most the hidden partial file, which the lost connection could not delete")
                .allMatch(PartialFiles::isPartName);
    }

    /** By default the CLI reconnects: an upload and a download whose connection is cut midway complete, equal. */
    @Test
    void aCopyWhoseConnectionIsCutMidwayCompletesWithReconnect(SambaServer server) throws Exception {
        Cli direct = new Cli(server).mkdir();
        Path big = BigFile.write(tmp.resolve("big.bin"), 256);
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = direct.via(proxy.front(server));
            CompletableFuture<Cli.Result> put = CompletableFuture.supplyAsync(
                    () -> cli.run("--timeout", "10", "cp", big.toString(), cli.url("big.bin")));
            // watch the partial file grow through directory listings only: Samba keeps a durable
            // handle across a drop only while it is the file's one open (a stat-open from another
            // client, as `ls -l` makes, at the moment of the cut would cost the handle)
            waitForPartialUpload(server, direct.dir, put);
            assertThat(put).as("the upload should still be running when its connection is cut").isNotDone();
            assertThat(proxy.cut()).isEqualTo(1);
            Cli.Result r = put.get(90, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(proxy.acceptedConnections()).as("a second connection carried the rest").isGreaterThanOrEqualTo(2);

            Path dest = Files.createDirectories(tmp.resolve("dest"));
            CompletableFuture<Cli.Result> get = CompletableFuture.supplyAsync(
                    () -> cli.run("--timeout", "10", "cp", cli.url("big.bin"), dest + "/"));
            waitForPartialFile(dest, get);
            int before = proxy.acceptedConnections();
            proxy.cut();
            Cli.Result g = get.get(90, TimeUnit.SECONDS);
            assertThat(g.status()).as(g.toString()).isZero();
            assertThat(proxy.acceptedConnections()).isGreaterThan(before);
            assertThat(Cli.sha256(Files.readAllBytes(dest.resolve("big.bin")))).isEqualTo(Cli.sha256(Files.readAllBytes(big)));
        }
    }

    @Test
    void fullLocalDiskIsOneLineAndExit1(SambaServer server) throws Exception {
        Path small = Files.createDirectories(tmp.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0,
                "needs root to mount a 1 MiB tmpfs: " + new String(mount.getInputStream().readAllBytes()));
        try {
            Cli cli = new Cli(server).mkdir();
            Path big = BigFile.write(tmp.resolve("big.bin"), 3);
            assertThat(cli.run("-q", "put", big.toString(), cli.url("big.bin")).status()).isZero();
            Cli.Result r = cli.run("get", cli.url("big.bin"), small.toString());
            assertThat(r.status()).as(r.toString()).isEqualTo(1);
            assertThat(r.err()).isEqualTo("smbco: " + small.resolve("big.bin") + ": no space left on device\n");
            assertThat(names(small)).as("the partial file is removed").isEmpty();
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    /** Waits until the copy has written part of the file under its temporary name. */
    /** Waits until the hidden partial file in {@code dir} on the server has data (listing the directory, never opening the file). */
    static void waitForPartialUpload(SambaServer server, String dir, CompletableFuture<?> copy) throws Exception {
        try (dev.smbco.client.SmbClient client = dev.smbco.client.SmbClient.create();
             dev.smbco.client.SmbConnection conn = client.connect(server.host(), server.port())) {
            dev.smbco.client.SmbTree tree = conn.sessionSetup(dev.smbco.client.Credentials.ntlm(server.user(),
                    server.password().toCharArray(), server.domain())).treeConnect(server.share());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!copy.isDone() && System.nanoTime() < deadline) {
                if (tree.list(dir).stream().anyMatch(e -> PartialFiles.isPartName(e.name()) && e.size() > 0)) {
                    return;
                }
                Thread.sleep(5);
            }
        }
    }

    static void waitForPartialFile(Path dir, CompletableFuture<?> copy) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertThat(copy).as("the copy ended before the server could be stopped").isNotDone();
            for (String name : names(dir)) {
                if (name.contains(".smbco-part-") && sizeOf(dir.resolve(name)) > (1 << 20)) {
                    return;
                }
            }
            Thread.sleep(2);
        }
        throw new AssertionError("no partial file appeared in " + dir);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
