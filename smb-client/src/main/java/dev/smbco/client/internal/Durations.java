package dev.smbco.client.internal;

import java.time.Duration;

/** Durations as people write them in messages ("60 s", "1.5 s", "250 ms"), not ISO-8601's "PT1M". */
public final class Durations {
    private Durations() {
    }

    public static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
