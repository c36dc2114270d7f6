package dev.smbco.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One run of a fixture's set-up script ({@code docker/samba-setup.sh}, {@code docker/ad-dc-setup.sh}):
 * {@code bash SCRIPT local ACTION DIR}, no input, stderr kept in a file, bounded in time; what it
 * prints on stdout is {@code KEY=VALUE} lines ({@link #info()}).
 *
 * @param exitCode the script's exit status, -1 when it had to be killed
 * @param stdout   what it printed
 * @param stderr   what it complained about, or why it was killed
 */
record SetupScript(int exitCode, String stdout, String stderr) {

    /** Runs {@code script local action dir} with {@code env} added to the environment. */
    static SetupScript run(Path script, Map<String, String> env, String action, Path dir, long timeoutSeconds) throws IOException {
        String name = script.getFileName().toString();
        Path err = Files.createTempFile("smbco-" + name, ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "local", action, dir.toString())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            pb.environment().putAll(env);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new SetupScript(-1, out, name + " local " + action + " did not finish in " + timeoutSeconds + " s");
            }
            return new SetupScript(p.exitValue(), out, Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + name, e);
        } finally {
            Files.deleteIfExists(err);
        }
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
