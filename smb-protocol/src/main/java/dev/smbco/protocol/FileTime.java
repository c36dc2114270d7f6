package dev.smbco.protocol;

import java.time.Instant;

/**
 * MS-DTYP 2.3.3 FILETIME: 100-nanosecond intervals since 1601-01-01T00:00:00Z, as the signed
 * 64-bit value SMB carries. Converts exactly (no precision lost) to and from {@link Instant}.
 */
public final class FileTime {
    /** Seconds between 1601-01-01 and 1970-01-01. */
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;
    private static final long TICKS_PER_SECOND = 10_000_000L;

    /** 0 means "not specified" in SET_INFO and "unknown" in responses. */
    public static final long NONE = 0L;

    private FileTime() {
    }

    /** The instant for a FILETIME value. */
    public static Instant toInstant(long fileTime) {
        long seconds = Math.floorDiv(fileTime, TICKS_PER_SECOND) - EPOCH_DIFF_SECONDS;
        long ticks = Math.floorMod(fileTime, TICKS_PER_SECOND);
        return Instant.ofEpochSecond(seconds, ticks * 100);
    }

    /** The FILETIME value for an instant, truncated to 100 ns. */
    public static long fromInstant(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond() + EPOCH_DIFF_SECONDS, TICKS_PER_SECOND),
                instant.getNano() / 100);
    }
}
