package dev.smbco.cli.demo;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The demo's share of the fresh-machine set-up: runs {@code scripts/setup-samba.sh demo --local}, the same
 * install logic {@code ./run-tests} uses, before a local smbd is started. The script is quiet and
 * quick when Samba is there; as root on Debian it installs it (its one line on stderr is shown as it
 * comes); when it cannot, it prints one line on stdout saying what is missing and how to get it.
 */
final class SambaSetup {
    /** The script's exit status for "cannot set up": the CLI's connection status, 3. */
    static final int CANNOT = 3;
    /** An apt-get update and install on a slow mirror; the script itself waits up to 5 min for apt's lock. */
    private static final Duration DEADLINE = Duration.ofMinutes(15);

    private SambaSetup() {
    }

    /**
     * Makes sure a local smbd can be started.
     *
     * @return null when it can (or the script is absent, in an older checkout), else the one line
     *     that says what is missing and how to get it
     */
    static String ensure(Path home, PrintStream err) {
        Path script = home.resolve("scripts/setup-samba.sh");
        if (!Files.isRegularFile(script)) {
            return null;
        }
        Shell.Result r = Shell.run(List.of("bash", script.toString(), "demo", "--local"), home, Map.of(), DEADLINE, err);
        if (r.ok()) {
            return null;
        }
        String line = LocalSmbd.lastLine(r.out(), "");
        if (line.isEmpty()) {
            line = "scripts/setup-samba.sh demo failed (exit " + r.exitCode() + ")";
        }
        return line;
    }
}
