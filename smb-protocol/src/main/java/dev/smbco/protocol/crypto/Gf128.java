package dev.smbco.protocol.crypto;

/**
 * Arithmetic in GF(2^128) with GCM's bit order (NIST SP800-38D 6.3): an element is two
 * big-endian halves, the leftmost bit is the coefficient of x^0, the field polynomial is
 * x^128 + x^7 + x^2 + x + 1. Bit-serial and branchy: meant for a handful of products per message
 * (length blocks, headers, powers of H), never for bulk data, which the JDK's GHASH handles.
 */
final class Gf128 {
    private Gf128() {
    }

    /** X * Y, returned as {high, low}. */
    static long[] multiply(long xHigh, long xLow, long yHigh, long yLow) {
        long zHigh = 0;
        long zLow = 0;
        long vHigh = yHigh;
        long vLow = yLow;
        for (int i = 0; i < 128; i++) {
            long bit = i < 64 ? (xHigh >>> (63 - i)) & 1 : (xLow >>> (127 - i)) & 1;
            if (bit != 0) {
                zHigh ^= vHigh;
                zLow ^= vLow;
            }
            boolean carry = (vLow & 1) != 0;
            vLow = (vLow >>> 1) | (vHigh << 63);
            vHigh >>>= 1;
            if (carry) {
                vHigh ^= 0xE100000000000000L;
            }
        }
        return new long[] {zHigh, zLow};
    }

    /** X^e for e >= 0 (square and multiply), returned as {high, low}. */
    static long[] power(long xHigh, long xLow, long e) {
        if (e < 0) {
            throw new IllegalArgumentException("negative exponent " + e);
        }
        long[] result = {0x8000000000000000L, 0}; // the field's 1 is the polynomial x^0: the leftmost bit
        long[] base = {xHigh, xLow};
        while (e != 0) {
            if ((e & 1) != 0) {
                result = multiply(result[0], result[1], base[0], base[1]);
            }
            e >>>= 1;
            if (e != 0) {
                base = multiply(base[0], base[1], base[0], base[1]);
            }
        }
        return result;
    }
}
