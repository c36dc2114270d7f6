package dev.smbco.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs Samba's {@code smbclient} against a test server with a private client configuration
 * (its caches in a temporary directory, nothing of the system's). Credentials go through an
 * authentication file, not the command line.
 */
public final class Smbclient {
    public record Result(int exitCode, String output) {
    }

    private Smbclient() {
    }

    /** Runs {@code commands} (smbclient's -c) on {@code share} as the server's user; extra args go before. */
    public static Result run(SambaServer server, String share, String commands, String... extraArgs) throws IOException, InterruptedException {
        return runAs(server, share, server.user(), server.password(), commands, extraArgs);
    }

    /** {@code smbclient -L //host} as the server's user: the share table smbclient prints. */
    public static Result listShares(SambaServer server) throws IOException, InterruptedException {
        return runAs(server, null, server.user(), server.password(), null);
    }

    static Result runAsGuest(SambaServer server, String share, String commands) throws IOException, InterruptedException {
        return runAs(server, share, null, null, commands);
    }

    static Result runAs(SambaServer server, String share, String user, String password, String commands, String... extraArgs)
            throws IOException, InterruptedException {
        Path smbclient = find().orElse(null);
        if (smbclient == null) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                fail("smbclient is not installed (apt-get install smbclient; ./run-tests does it)");
            }
            assumeTrue(false, "smbclient is not installed (apt-get install smbclient)");
        }
        Path dir = Files.createTempDirectory("smbco-smbclient-");
        try {
            Path conf = dir.resolve("smb.conf");
            Files.writeString(conf, """
                    [global]
                      lock directory = %1$s
                      state directory = %1$s
                      cache directory = %1$s
                      private dir = %1$s
                      ncalrpc dir = %1$s
                      client min protocol = SMB2_02
                    """.formatted(dir));
            List<String> cmd = new ArrayList<>(List.of(smbclient.toString(), "-s", conf.toString()));
            if (share == null) {
                cmd.add("-L"); // the server's shares, as `smbclient -L` lists them
            }
            cmd.addAll(List.of("//" + server.host() + (share == null ? "" : "/" + share), "-p", Integer.toString(server.port())));
            if (user == null) {
                cmd.add("-N");
                cmd.add("-U");
                cmd.add("%");
            } else {
                Path auth = dir.resolve("auth");
                Files.writeString(auth, "username = " + user + "\npassword = " + password + "\ndomain = " + server.domain() + "\n");
                cmd.add("-A");
                cmd.add(auth.toString());
            }
            cmd.addAll(List.of(extraArgs));
            if (commands != null) {
                cmd.add("-c");
                cmd.add(commands);
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(dir.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("smbclient did not finish within 60 s: " + out);
            }
            return new Result(p.exitValue(), out);
        } finally {
            try (var paths = Files.walk(dir)) {
                for (Path x : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(x);
                }
            }
        }
    }

    /**
     * Starts smbclient's {@code notify} on the share's root and returns the first line it
     * prints within {@code timeout}, or null; {@code change} runs once the watch is armed.
     */
    static String firstNotification(SambaServer server, String share, java.time.Duration timeout,
                                    ThrowingRunnable change) throws Exception {
        Path smbclient = find().orElseThrow();
        Path dir = Files.createTempDirectory("smbco-smbclient-");
        Path auth = dir.resolve("auth");
        Files.writeString(auth, "username = " + server.user() + "\npassword = " + server.password() + "\n");
        Files.writeString(dir.resolve("smb.conf"), "[global]\n  cache directory = %1$s\n  lock directory = %1$s\n  state directory = %1$s\n  private dir = %1$s\n".formatted(dir));
        // stdbuf: smbclient's stdout is block-buffered on a pipe and notify never ends by itself
        Process p = new ProcessBuilder("stdbuf", "-oL", smbclient.toString(), "-s", dir.resolve("smb.conf").toString(),
                "//" + server.host() + "/" + share, "-p", Integer.toString(server.port()), "-A", auth.toString(),
                "-c", "notify \\").redirectErrorStream(true).start();
        try {
            var lines = new java.util.concurrent.LinkedBlockingQueue<String>();
            Thread reader = Thread.ofVirtual().start(() -> {
                try (var r = p.inputReader(StandardCharsets.UTF_8)) {
                    r.lines().forEach(lines::add);
                } catch (IOException ignored) {
                    // process ended
                }
            });
            // the watch is armed once smbclient has connected; a listing on a second connection
            // cannot tell, so the change is retried until a notification arrives or time runs out
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                change.run();
                String line = lines.poll(500, TimeUnit.MILLISECONDS);
                if (line != null) {
                    return line;
                }
            }
            reader.interrupt();
            return null;
        } finally {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            try (var paths = Files.walk(dir)) {
                for (Path x : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(x);
                }
            }
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }

    static Optional<Path> find() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "smbclient"))) {
                return Optional.of(Path.of(d, "smbclient"));
            }
        }
        return Optional.empty();
    }
}
