package dev.smbco.cli.commands;

import dev.smbco.cli.CliException;
import dev.smbco.cli.ExitStatus;
import dev.smbco.cli.Failures;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a command's action on each of its URL arguments like {@code rm a b c}: a failure of one
 * argument (exit 1) is reported on its own line and the others still run; a connection or
 * authentication failure stops at once. Each failure is one line; the last one is thrown (exit 1).
 */
final class Each {
    private Each() {
    }

    static <T> int run(List<T> items, Consumer<T> action, PrintStream err) {
        CliException pending = null;
        for (T item : items) {
            try {
                action.accept(item);
            } catch (RuntimeException e) {
                CliException cli = Failures.toCli(e);
                if (cli.status() != ExitStatus.FAILED) {
                    throw cli;
                }
                if (pending != null) {
                    err.println("smbco: " + pending.getMessage());
                }
                pending = cli;
            }
        }
        if (pending != null) {
            throw pending; // the last line printed, by the common handler
        }
        return ExitStatus.OK.code();
    }
}
