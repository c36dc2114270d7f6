package dev.smbco.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a fixture's set-up script ({@code docker/samba-setup.sh}, {@code docker/ad-dc-setup.sh}):
 * {@code bash SCRIPT MODE ACTION DIR} (MODE {@code local}, or {@code container} for ad-dc-setup.sh), no input, stderr kept in a file, bounded in time; what it
 * prints on stdout is {@code KEY=VALUE} lines ({@link #info()}).
 *
 * @param exitCode the script's exit status, -1 when it had to be killed
 * @param stdout   what it printed
 * @param stderr   what it complained about, or why it was killed
 */
record SetupScript(int exitCode, String stdout, String stderr) {
    private static final Logger LOG = LoggerFactory.getLogger(SetupScript.class);

    /** Runs {@code script local action dir} with {@code env} added to the environment. */
    static SetupScript run(Path script, Map<String, String> env, String action, Path dir, long timeoutSeconds) throws IOException {
        return run(script, "local", env, action, dir, timeoutSeconds);
    }

    /** Runs {@code script mode action dir} with {@code env} added to the environment. */
    static SetupScript run(Path script, String mode, Map<String, String> env, String action, Path dir, long timeoutSeconds)
            throws IOException {
        String name = script.getFileName().toString();
        Path err = Files.createTempFile("smbco-" + name, ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), mode, action, dir.toString())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new SetupScript(-1, out, name + " " + mode + " " + action + " did not finish in " + timeoutSeconds + " s");
            }
            return new SetupScript(p.exitValue(), out, Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + name, e);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /**
     * Runs {@code script local stop dir} and, unless {@code SMBCO_KEEP_SAMBA_STATE} is set (for
     * reading a server's logs), deletes its state directory; a script that fails is logged.
     */
    static void stop(Path script, Path dir, long timeoutSeconds, String what) throws IOException {
        stop(script, "local", dir, timeoutSeconds, what);
    }

    /** {@link #stop(Path, Path, long, String)} for {@code script mode stop dir}. */
    static void stop(Path script, String mode, Path dir, long timeoutSeconds, String what) throws IOException {
        SetupScript r = run(script, mode, Map.of(), "stop", dir, timeoutSeconds);
        if (r.exitCode() != 0) {
            LOG.warn("stopping {} in {}: {}", what, dir, r.stderr().strip());
        }
        if (System.getenv("SMBCO_KEEP_SAMBA_STATE") == null) {
            deleteTree(dir);
        }
    }

    /** Deletes what is left of a state directory; files that vanish meanwhile (sockets of exiting processes) are fine. */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                try {
                    Files.deleteIfExists(d);
                } catch (DirectoryNotEmptyException late) {
                    LOG.debug("{} was not empty yet", d);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The {@code KEY=VALUE} lines of stdout. */
    Map<String, String> info() {
        Map<String, String> info = new HashMap<>();
        stdout.lines().forEach(line -> {
            int eq = line.indexOf('=');
            if (eq > 0) {
                info.put(line.substring(0, eq), line.substring(eq + 1));
            }
        });
        return info;
    }
}
