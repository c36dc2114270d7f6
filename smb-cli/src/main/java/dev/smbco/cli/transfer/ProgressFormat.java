package dev.smbco.cli.transfer;

import java.util.Locale;

/** Pure formatting of sizes, rates, durations and the progress line; no I/O, so it is unit tested. */
public final class ProgressFormat {
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};

    private ProgressFormat() {
    }

    /** {@code 0 B}, {@code 1023 B}, {@code 1.0 KiB}, {@code 512.0 MiB} (binary units, one decimal). */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        double v = n;
        int unit = 0;
        while (v >= 1024 && unit < UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        if (v >= 1023.95 && unit < UNITS.length - 1) { // would round to "1024.0"
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, UNITS[unit]);
    }

    /** Bytes per second over an elapsed time, e.g. {@code 85.3 MiB/s}; {@code -} when no time has passed. */
    public static String rate(long bytes, long elapsedNanos) {
        if (elapsedNanos <= 0) {
            return "- B/s";
        }
        return bytes((long) (bytes * 1e9 / elapsedNanos)) + "/s";
    }

    /** A duration for humans: {@code 0.4 s}, {@code 12.0 s}, {@code 3:07}, {@code 1:02:03}. */
    public static String duration(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return clock(Math.round(seconds));
    }

    /** Whole seconds as {@code m:ss} or {@code h:mm:ss}. */
    public static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** Estimated time left at the average rate so far; {@code --:--} when it cannot be told yet. */
    public static String eta(long done, long total, long elapsedNanos) {
        if (done <= 0 || total <= 0 || elapsedNanos <= 0 || done > total) {
            return "--:--";
        }
        double secondsLeft = (total - done) * (elapsedNanos / 1e9) / done;
        if (secondsLeft > 99 * 3600) {
            return "--:--";
        }
        return clock((long) Math.ceil(secondsLeft));
    }

    /**
     * The progress line: {@code  42% [=========>           ] 215.0 MiB / 512.0 MiB  98.1 MiB/s  ETA 0:03}.
     * With an unknown total (stdin) only bytes and rate are shown. Never longer than {@code width}.
     */
    public static String line(long done, long total, long elapsedNanos, int width) {
        String rate = rate(done, elapsedNanos);
        if (total < 0) {
            return fit(bytes(done) + "  " + rate, width);
        }
        int percent = total == 0 ? 100 : (int) Math.min(100, done * 100 / total);
        String tail = " " + bytes(done) + " / " + bytes(total) + "  " + rate + "  ETA " + eta(done, total, elapsedNanos);
        String head = String.format(Locale.ROOT, "%3d%% ", percent);
        int barWidth = Math.min(40, width - head.length() - tail.length() - 2);
        if (barWidth < 10) {
            return fit(head + tail.strip(), width);
        }
        return head + "[" + bar(percent, barWidth) + "]" + tail;
    }

    /** A bar of {@code width} cells: {@code =====>    }. */
    static String bar(int percent, int width) {
        int filled = percent * width / 100;
        StringBuilder b = new StringBuilder(width);
        for (int i = 0; i < width; i++) {
            b.append(i < filled ? '=' : i == filled ? '>' : ' ');
        }
        return b.toString();
    }

    /** The end-of-copy summary: {@code 301 files, 512.4 MiB in 5.2 s (98.5 MiB/s)}. */
    public static String summary(String verb, long files, long bytes, long elapsedNanos) {
        return verb + " " + files + (files == 1 ? " file, " : " files, ") + bytes(bytes) + " in " + duration(elapsedNanos)
                + " (" + rate(bytes, elapsedNanos) + ")";
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width));
    }
}
