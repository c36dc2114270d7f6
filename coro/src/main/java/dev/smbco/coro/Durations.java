package dev.smbco.coro;

import java.time.Duration;

/** Duration arithmetic that cannot overflow into "fire at once". */
final class Durations {

    /** Longest delay a timer accepts (about 73 years): deadlines stay far from wrapping. */
    static final long MAX_DELAY_NANOS = Long.MAX_VALUE >> 2;

    private Durations() {}

    /** {@code d} in nanoseconds, clamped to {@code [0, MAX_DELAY_NANOS]}. */
    static long delayNanos(Duration d) {
        if (d.isNegative()) {
            return 0;
        }
        try {
            return Math.min(d.toNanos(), MAX_DELAY_NANOS);
        } catch (ArithmeticException tooLong) {
            return MAX_DELAY_NANOS;
        }
    }

    /** {@code delay} in nanoseconds (saturating, as {@code TimeUnit} does), clamped likewise. */
    static long delayNanos(long delay, java.util.concurrent.TimeUnit unit) {
        return Math.min(Math.max(0, unit.toNanos(delay)), MAX_DELAY_NANOS);
    }
}
