package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The {@code ./smbco} launcher as a user runs it: a subprocess, exit statuses passed through, Ctrl-C. */
@ExtendWith(SambaExtension.class)
class LauncherTest {
    @org.junit.jupiter.api.AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {
    }

    static Path repo() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("smbco")) && Files.isDirectory(p.resolve("smb-cli"))) {
                return p;
            }
        }
        throw new AssertionError("cannot find the repository root with ./smbco from " + Path.of("").toAbsolutePath());
    }

    static Process start(SambaServer server, Path stdin, String... args) throws IOException {
        return start(server, stdin, null, args);
    }

    static Process start(SambaServer server, Path stdin, Path stderr, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        // SIGINT at its default: a shell that runs the build in the background may have it ignored, and an
        // ignored signal stays ignored across exec (the JVM would not install its Ctrl-C handling)
        cmd.addAll(List.of("env", "--default-signal=INT"));
        cmd.add(repo().resolve("smbco").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo().toFile());
        pb.environment().remove("SMBCO_USER");
        if (server != null) {
            pb.environment().put("SMBCO_PASSWORD", server.password());
        }
        if (stderr != null) {
            pb.redirectError(stderr.toFile());
        }
        pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.from(stdin.toFile()));
        return pb.start();
    }

    static Run run(SambaServer server, String... args) throws Exception {
        Process p = start(server, null, args);
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).as("smbco finished").isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void exitStatusesPassThrough(SambaServer server) throws Exception {
        Cli cli = new Cli(server).mkdir();
        Run version = run(server, "--version");
        assertThat(version.status()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("smbco ");

        Run ok = run(server, "ls", cli.url(""));
        assertThat(ok.status()).as(ok.err()).isZero();

        Run missing = run(server, "cat", cli.url("missing.txt"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("smbco: " + cli.shown("missing.txt") + ": no such file (STATUS_OBJECT_NAME_NOT_FOUND)\n");

        Run usage = run(server, "ls", "smb://");
        assertThat(usage.status()).isEqualTo(2);

        Run auth = run(null, "ls", "smb://" + server.user() + ":bad@" + server.host() + ":" + server.port() + "/" + server.share());
        assertThat(auth.status()).isEqualTo(4);
    }

    @Test
    void stdinAndStdoutThroughTheLauncher(SambaServer server) throws Exception {
        Cli cli = new Cli(server).mkdir();
        Path in = BigFile.write(tmp.resolve("in.bin"), 3);
        Process p = start(server, in, "-q", "put", "-", cli.url("in.bin"));
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        Process cat = start(server, null, "cat", cli.url("in.bin"));
        byte[] back = cat.getInputStream().readAllBytes();
        assertThat(cat.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(cat.exitValue()).isZero();
        assertThat(back).isEqualTo(Files.readAllBytes(in));
    }

    /**
     * Ctrl-C (SIGINT, sent to the launched JVM by its PID) during an upload: exit 130, the remote
     * partial file is removed, and the session ends politely - a LOGOFF reaches the server (counted
     * by a proxy between the two).
     */
    @Test
    void ctrlCDuringAnUploadRemovesTheRemotePartialFileAndLogsOff(SambaServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer front = proxy.front(server);
            LongAdder logoffs = new LongAdder();
            proxy.clientToServer().rewrite(frame -> {
                if (Frames.isSmb2(frame) && Frames.command(frame) == Command.LOGOFF.code()) {
                    logoffs.increment();
                }
                return false;
            }, 0, frame -> frame);
            Cli cli = new Cli(front).mkdir();
            Path big = BigFile.write(tmp.resolve("up.bin"), 384);
            Path errFile = tmp.resolve("stderr.txt");
            Process p = start(front, null, errFile, "cp", big.toString(), cli.url("") + "/");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean seen = false;
            while (!seen && p.isAlive() && System.nanoTime() < deadline) {
                seen = cli.run("ls", cli.url("")).out().contains(".smbco-part-");
                Thread.sleep(5);
            }
            assertThat(seen).as("the upload's temporary file showed up while it ran").isTrue();
            logoffs.reset(); // our own ls sessions logged off too; from here on only the launched smbco talks
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("SIGINT sent").isTrue();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(Files.readString(errFile)).isEqualTo(130);
            assertThat(Files.readString(errFile)).isEqualTo("smbco: interrupted; removing partial files\n");
            assertThat(logoffs.sum()).as("LOGOFF requests sent after Ctrl-C").isPositive();
            Cli.Result ls = cli.run("ls", cli.url(""));
            assertThat(ls.status()).isZero();
            assertThat(ls.out()).as("neither up.bin nor its temporary file").isEmpty();
        }
    }

    @Test
    void interruptRemovesThePartialDestination(SambaServer server) throws Exception {
        Cli cli = new Cli(server).mkdir();
        Path big = BigFile.write(tmp.resolve("big.bin"), 384);
        assertThat(cli.run("-q", "put", big.toString(), cli.url("big.bin")).status()).isZero();
        Path dest = Files.createDirectories(tmp.resolve("dest"));
        // stderr goes to a file: Process.destroy() closes the pipes it would otherwise come through
        Path errFile = tmp.resolve("stderr.txt");
        Process p = start(server, null, errFile, "cp", cli.url("big.bin"), dest + "/");
        CliFailedCopyTest.waitForPartialFile(dest, p.onExit());
        p.destroy(); // SIGTERM (as a service manager stops it): the same shutdown hook as Ctrl-C, exit 143
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(errFile);
        assertThat(p.exitValue()).as(err).isEqualTo(143);
        assertThat(err).isEqualTo("smbco: interrupted; removing partial files\n");
        assertThat(CliFailedCopyTest.names(dest)).isEmpty();
    }
}
