package dev.smbco.cli;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --deadline DURATION}: one deadline for the whole command, counted from its start. The
 * client takes what is left of it when it is made as its {@code SmbConfig.compositeTimeout} (every
 * stat, listing, deleteTree, mkdirs, transfer and server-side copy ends by then, its requests
 * cancelled and its handles closed) and as the ceiling of its connect timeout; single requests
 * keep {@code --timeout}, so that the clean-up after the deadline (a partial file deleted, CLOSE,
 * LOGOFF) is not cut short. A copy is not tried again ({@code --retries}) once it has passed. A
 * failure after the deadline passed is reported as the deadline's, on one line, with the timeout
 * exit status (3).
 */
public final class CommandDeadline {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");
    /** A timer may fire a hair before the instant it was asked for. */
    private static final long SLACK_NANOS = Duration.ofMillis(50).toNanos();

    private final Duration length;
    private final long startNanos;

    CommandDeadline(Duration length, long startNanos) {
        this.length = length;
        this.startNanos = startNanos;
    }

    /**
     * Parses {@code 90s}, {@code 1m30s}, {@code 500ms}, {@code 2h}, a plain number of seconds, or
     * ISO-8601 ({@code PT1M30S}); anything else, zero or negative is a usage error (exit 2).
     */
    public static Duration parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        if (t.matches("\\d+")) {
            d = Duration.ofSeconds(Long.parseLong(t));
        } else if (t.startsWith("pt") || t.startsWith("p")) {
            try {
                d = Duration.parse(t.toUpperCase(Locale.ROOT));
            } catch (java.time.format.DateTimeParseException e) {
                d = null;
            }
        } else if (!t.isEmpty()) {
            Matcher m = PART.matcher(t);
            int at = 0;
            d = Duration.ZERO;
            while (d != null && at < t.length()) {
                if (!m.find(at) || m.start() != at) {
                    d = null;
                } else {
                    long n = Long.parseLong(m.group(1));
                    d = d.plus(switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofHours(n);
                    });
                    at = m.end();
                }
            }
        }
        if (d == null) {
            throw CliException.usage("--deadline: '" + text + "' is no duration (e.g. 90s, 1m30s, 500ms, 2h)");
        }
        if (d.isZero() || d.isNegative()) {
            throw CliException.usage("--deadline must be more than 0, not " + text);
        }
        return d;
    }

    /** The deadline as given. */
    public Duration length() {
        return length;
    }

    /** What is left of it now (at least 1 ms, so that it can be handed to timeouts). */
    public Duration remaining() {
        long left = length.toNanos() - (System.nanoTime() - startNanos);
        return Duration.ofNanos(Math.max(left, Duration.ofMillis(1).toNanos()));
    }

    /** Whether it has passed. */
    public boolean passed() {
        return System.nanoTime() - startNanos >= length.toNanos() - SLACK_NANOS;
    }

    /**
     * A failure of the command, as the user reads it: once the deadline has passed, a connection
     * or timeout failure (exit 3) is the deadline's, said in one line; anything else is as it was.
     */
    public CliException explain(CliException e) {
        String prefix = "deadline of " + human(length) + " exceeded";
        if (e.status() != ExitStatus.CONNECTION || !passed() || e.getMessage().startsWith(prefix)) {
            return e;
        }
        return new CliException(ExitStatus.CONNECTION, prefix + ": " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
    }

    static String human(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + " ms";
        }
        long s = d.toSeconds();
        if (s >= 60 && s % 60 == 0) {
            return s % 3600 == 0 ? s / 3600 + " h" : s / 60 + " min";
        }
        return s + " s";
    }
}
