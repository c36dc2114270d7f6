package dev.smbco.cli;

import dev.smbco.cli.remote.Connector;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The outside world of one {@code smbco} run: its streams, environment and terminal. {@link Main#run}
 * takes one, so tests run the real command in-process with captured streams.
 *
 * @param in       standard input ({@code put -})
 * @param out      standard output (listings, {@code cat}, {@code get -})
 * @param err      standard error (errors, progress, summaries)
 * @param env      environment variables ({@code SMBCO_USER}, ...)
 * @param terminal what the terminal allows (progress bar, password prompt)
 * @param connector how connections are made (the client library; unit tests of the command rules use a local double)
 */
public record Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
                 Connector connector) {

    /** The real world: connections through the smbco client library. */
    public Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal) {
        this(in, out, err, env, terminal, ClientRemotes::open);
    }

    /** Where the repository lives (for {@code demo}): {@code -Dsmbco.home}, else {@code SMBCO_HOME}, else null. */
    public Path home() {
        String prop = System.getProperty("smbco.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String var = env.get("SMBCO_HOME");
        return var == null || var.isBlank() ? null : Path.of(var);
    }
}
