package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up cache (JDK AOT cache / class-data-sharing archive): made in the background
 * without holding up the command or its output, used silently, and a cache that does not fit (a
 * broken file, a cache made for another jar) is ignored without a word and replaced.
 */
@ExtendWith(SambaExtension.class)
class LauncherCacheTest {
    /** How long a training run may take on a loaded machine before the test gives up waiting for it. */
    private static final long TRAINING_WAIT_MILLIS = 600_000;

    @TempDir
    Path aotDir;

    @AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }

    record Run(int status, String out, String err) {
    }

    private Run smbco(SambaServer server, String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(LauncherTest.repo().resolve("smbco").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(LauncherTest.repo().toFile());
        pb.environment().remove("SMBCO_USER");
        pb.environment().remove("SMBCO_AOT");
        pb.environment().remove("SMBCO_JAVA_OPTS");
        pb.environment().put("SMBCO_PASSWORD", server.password());
        pb.environment().put("SMBCO_AOT_DIR", aotDir.toString());
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        // read to the end: a training left holding our stdout or stderr would make these wait
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("smbco finished").isTrue();
        return new Run(p.exitValue(), out.get(600, TimeUnit.SECONDS), err.get(600, TimeUnit.SECONDS));
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The finished caches in the cache directory (not the training's temporary files). */
    private List<Path> caches() throws IOException {
        try (Stream<Path> s = Files.list(aotDir)) {
            return s.filter(p -> p.getFileName().toString().matches("smbco-[0-9a-f]+\\.(aot|jsa)")).toList();
        }
    }

    /** Waits for the background training to leave a cache other than {@code old}. */
    private Path awaitNewCache(Path old) throws Exception {
        long deadline = System.currentTimeMillis() + TRAINING_WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            for (Path c : caches()) {
                if (!c.equals(old)) {
                    return c;
                }
            }
            Thread.sleep(500);
        }
        String log = Files.exists(aotDir.resolve("training.log")) ? Files.readString(aotDir.resolve("training.log")) : "(no log)";
        throw new AssertionError("no start-up cache appeared in " + aotDir + "; training.log:\n" + log);
    }

    private static void assertQuietListing(Run r, String what) {
        assertThat(r.status()).as(what + ": " + r.err()).isZero();
        assertThat(r.out()).as(what + ": stdout is the listing and nothing else (no JVM warning)").isEqualTo("a.txt\n");
        assertThat(r.err()).as(what + ": stderr is empty (no JVM warning about the cache)").isEmpty();
    }

    @Test
    void cacheIsMadeAsideUsedQuietlyAndAForeignOneIsIgnoredAndReplaced(SambaServer server) throws Exception {
        Cli cli = new Cli(server).mkdir();
        assertThat(cli.run(new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8)), "put", "-", cli.url("a.txt")).status()).isZero();

        assertQuietListing(smbco(server, "ls", cli.url("")), "first run, no cache yet (training starts)");
        Path cache = awaitNewCache(null);
        assertQuietListing(smbco(server, "ls", cli.url("")), "with the cache");

        // a file under the cache's name that is no cache for this jar and JDK (copied from elsewhere,
        // truncated, ...): the JVM cannot use it and must not say so
        Files.writeString(cache, "not a cache");
        assertQuietListing(smbco(server, "ls", cli.url("")), "with a broken cache");

        // another jar (here: the same jar with a new time stamp, as after a rebuild): the old cache
        // is not used, and a new one is made in its place
        Path jar = LauncherTest.repo().resolve("smb-cli/target/smb-cli-0.1.0-SNAPSHOT-all.jar");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis()));
        assertQuietListing(smbco(server, "ls", cli.url("")), "after the jar changed");
        Path rebuilt = awaitNewCache(cache);
        assertThat(rebuilt).isNotEqualTo(cache);
        assertThat(caches()).as("the stale cache is removed").containsExactly(rebuilt);
        assertQuietListing(smbco(server, "ls", cli.url("")), "with the rebuilt cache");
    }

    @Test
    void withoutTheCacheNothingIsTrainedAndTheCommandWorks(SambaServer server) throws Exception {
        Cli cli = new Cli(server).mkdir();
        assertThat(cli.run(new ByteArrayInputStream("a".getBytes(StandardCharsets.UTF_8)), "put", "-", cli.url("a.txt")).status()).isZero();
        List<String> cmd = List.of(LauncherTest.repo().resolve("smbco").toString(), "ls", cli.url(""));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(LauncherTest.repo().toFile());
        pb.environment().put("SMBCO_PASSWORD", server.password());
        pb.environment().put("SMBCO_AOT_DIR", aotDir.toString());
        pb.environment().put("SMBCO_AOT", "off");
        pb.environment().remove("SMBCO_USER");
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        String out = read(p.getInputStream());
        String err = read(p.getErrorStream());
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertQuietListing(new Run(p.exitValue(), out, err), "SMBCO_AOT=off");
        try (Stream<Path> s = Files.list(aotDir)) {
            assertThat(s.toList()).as("nothing written to the cache directory").isEmpty();
        }
    }
}
