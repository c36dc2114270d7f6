package dev.smbco.protocol.fscc;

/** Saturating unit-to-byte arithmetic for the file system size classes (package-private). */
final class FsSizes {
    private FsSizes() {
    }

    /** {@code units * unitSize}, or Long.MAX_VALUE when it overflows or a value is negative (unknown). */
    static long bytes(long units, long unitSize) {
        if (units < 0 || unitSize < 0) {
            return Long.MAX_VALUE;
        }
        long hi = Math.multiplyHigh(units, unitSize);
        long lo = units * unitSize;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
