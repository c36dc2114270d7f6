package dev.smbco.protocol.fscc;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/** Checked primitive reads and writes shared by the MS-FSCC structures (package-private). */
final class Codec {
    /** Largest value of a 32-bit unsigned field. */
    static final long U32_MAX = 0xFFFF_FFFFL;

    private Codec() {
    }

    /**
     * Reads a UTF-16LE name of {@code byteLength} bytes (a length taken from the wire), after
     * checking that it is even and that the bytes are there.
     */
    static String readUtf16(ByteBuf in, long byteLength, String structure, String field) {
        if (byteLength < 0 || byteLength > in.readableBytes()) {
            throw new SmbDecodeException(structure, field, byteLength + " exceeds the " + in.readableBytes() + " bytes left");
        }
        if ((byteLength & 1) != 0) {
            throw new SmbDecodeException(structure, field, byteLength + " is odd; UTF-16 names have an even length");
        }
        int n = (int) byteLength / 2;
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) in.readUnsignedShortLE();
        }
        return new String(chars);
    }

    /** Writes {@code s} as UTF-16LE code units, one to one (exact for every Java string). */
    static void writeUtf16(ByteBuf out, String s) {
        out.ensureWritable(s.length() * 2);
        for (int i = 0; i < s.length(); i++) {
            out.writeShortLE(s.charAt(i));
        }
    }

    /** The UTF-16LE length of {@code s} in bytes. */
    static int utf16Length(String s) {
        return s.length() * 2;
    }

    /** Reads a 32-bit unsigned little-endian value. */
    static long readU32(ByteBuf in) {
        return in.readUnsignedIntLE();
    }

    /** Writes {@code n} zero bytes. */
    static void zeros(ByteBuf out, int n) {
        out.writeZero(n);
    }

    /** Fails unless {@code n} bytes are readable (delegates to {@link Wire#require}). */
    static void require(ByteBuf in, int n, String structure, String field) {
        Wire.require(in, n, structure, field);
    }

    /** Constructor check for a field that is a 32-bit unsigned integer on the wire. */
    static long u32(long value, String field) {
        if (value < 0 || value > U32_MAX) {
            throw new IllegalArgumentException(field + " " + value + " does not fit in 32 unsigned bits");
        }
        return value;
    }

    /** Constructor check for a name component. */
    static String name(String value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
