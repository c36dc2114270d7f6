package dev.smbco.cli.transfer;

import dev.smbco.cli.CliException;
import dev.smbco.cli.ExitStatus;
import dev.smbco.cli.Session;
import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code --retries N}: a file whose copy failed for a reason that may pass (the connection was lost
 * and reconnecting gave up, a request timed out: exit status 3) is tried again, up to N more times,
 * after 1, 2, 4 ... (at most 30) seconds, with the run's connections re-established first. A retry
 * continues the partial file where it checks out ({@link ResumableCopy}) rather than starting over.
 * Other failures (refused by the server, a local disk error) are not retried.
 */
final class Retries {
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    /** One attempt at the copy; {@code again}: an earlier attempt failed. */
    @FunctionalInterface
    interface Attempt {
        void run(boolean again);
    }

    private Retries() {
    }

    static void run(int retries, PrintStream err, ProgressMeter meter, Attempt attempt, Runnable revive) {
        run(retries, err, meter, attempt, revive, () -> false);
    }

    /** As {@link #run(int, PrintStream, ProgressMeter, Attempt, Runnable)}; nothing is tried again once {@code deadlinePassed} (--deadline). */
    static void run(int retries, PrintStream err, ProgressMeter meter, Attempt attempt, Runnable revive,
                    java.util.function.BooleanSupplier deadlinePassed) {
        for (int i = 0; ; i++) {
            try {
                attempt.run(i > 0);
                return;
            } catch (CliException e) {
                if (i >= retries || e.status() != ExitStatus.CONNECTION || Session.wasInterrupted() || deadlinePassed.getAsBoolean()) {
                    throw e;
                }
                Duration wait = backoff(i);
                meter.stop();
                err.println("smbco: " + e.getMessage() + "; retrying in " + wait.toSeconds() + " s (" + (i + 1) + " of " + retries + ")");
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                try {
                    revive.run();
                } catch (CliException stillDown) {
                    // the next attempt fails the same way and counts as one
                }
            }
        }
    }

    /** 1 s, 2 s, 4 s, ... at most 30 s. */
    static Duration backoff(int failures) {
        return failures >= 5 ? MAX_WAIT : Duration.ofSeconds(1L << failures);
    }
}
