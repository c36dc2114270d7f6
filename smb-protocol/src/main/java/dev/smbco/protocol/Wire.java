package dev.smbco.protocol;

import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * Checked reads for decoders: every length, offset and count taken from the wire passes through
 * here before it touches a buffer or sizes an allocation, so a malformed frame ends in an
 * {@link SmbDecodeException} naming the structure and field, never in an
 * {@code IndexOutOfBoundsException}.
 *
 * <p>Decoder convention: a body decoder receives a buffer whose reader index is at the first
 * body byte and whose SMB2 header starts {@link Smb2Header#SIZE} bytes earlier; the message
 * ends at the writer index (in a compound, the caller narrows the window to one message).
 * Buffer offsets in SMB2 bodies count from the start of the header.
 */
public final class Wire {
    private Wire() {
    }

    /** Fails unless {@code n} bytes are readable. */
    public static void require(ByteBuf in, int n, String structure, String field) {
        if (n < 0 || in.readableBytes() < n) {
            throw new SmbDecodeException(structure, field, "needs " + n + " bytes, only " + in.readableBytes() + " left");
        }
    }

    /** Fails unless the StructureSize read matches the one the specification fixes. */
    public static void structureSize(int actual, int expected, String structure) {
        if (actual != expected) {
            throw new SmbDecodeException(structure, "StructureSize", actual + " is not " + expected);
        }
    }

    /**
     * Checks that a buffer described by an (offset from header start, length) pair lies inside
     * the message and after the fixed part, and returns its absolute index in {@code in}.
     *
     * @param in          the body buffer (reader index anywhere after the header)
     * @param headerStart absolute index of the SMB2 header in {@code in}
     * @param minOffset   the smallest offset allowed (usually header + fixed body size)
     */
    public static int region(ByteBuf in, int headerStart, long offset, long length, int minOffset, String structure, String field) {
        if (length == 0) {
            return in.writerIndex();
        }
        long end = (long) headerStart + offset + length;
        if (offset < minOffset || length < 0 || end > in.writerIndex()) {
            throw new SmbDecodeException(structure, field,
                    String.format("offset %d length %d outside the message (%d bytes)", offset, length, in.writerIndex() - headerStart));
        }
        return (int) (headerStart + offset);
    }

    /** A retained-free slice of a checked region (shares memory with {@code in}; no copy). */
    public static ByteBuf slice(ByteBuf in, int headerStart, long offset, long length, int minOffset, String structure, String field) {
        int index = region(in, headerStart, offset, length, minOffset, structure, field);
        return in.slice(index, (int) length);
    }

    /** A copy of a checked region as a byte array. */
    public static byte[] bytes(ByteBuf in, int headerStart, long offset, long length, int minOffset, String structure, String field) {
        int index = region(in, headerStart, offset, length, minOffset, structure, field);
        byte[] b = new byte[(int) length];
        in.getBytes(index, b);
        return b;
    }

    /** Fails unless {@code count * elementSize} bytes can exist in what is readable; guards list allocations. */
    public static int count(ByteBuf in, long count, int elementSize, String structure, String field) {
        if (count < 0 || count * Math.max(1, elementSize) > in.readableBytes()) {
            throw new SmbDecodeException(structure, field, "count " + count + " cannot fit in " + in.readableBytes() + " bytes");
        }
        return (int) count;
    }

    /**
     * The absolute index of the SMB2 header for a body decoder called by the convention above
     * (reader index at the first body byte).
     */
    public static int headerStart(ByteBuf in, String structure) {
        int start = in.readerIndex() - Smb2Header.SIZE;
        if (start < 0) {
            throw new SmbDecodeException(structure, "header", "body decoded without its 64-byte SMB2 header in front");
        }
        return start;
    }

    /** Reads {@code n} bytes into a new array after checking that they are there. */
    public static byte[] readBytes(ByteBuf in, long n, String structure, String field) {
        if (n < 0 || n > in.readableBytes()) {
            throw new SmbDecodeException(structure, field, "needs " + n + " bytes, only " + in.readableBytes() + " left");
        }
        byte[] b = new byte[(int) n];
        in.readBytes(b);
        return b;
    }

    /** A copy of {@code length} bytes at absolute {@code index}, after checking they lie inside [0, writerIndex). */
    public static byte[] getBytes(ByteBuf in, int index, long length, String structure, String field) {
        if (length < 0 || index < 0 || (long) index + length > in.writerIndex()) {
            throw new SmbDecodeException(structure, field, length + " bytes at " + index + " outside the message");
        }
        byte[] b = new byte[(int) length];
        in.getBytes(index, b);
        return b;
    }

    /**
     * Decodes UTF-16LE code units at an absolute, already checked index. Every 16-bit unit becomes
     * one Java char, so any sequence (surrogate pairs, even unpaired surrogates) round-trips exactly.
     */
    public static String utf16(ByteBuf in, int index, long byteLength, String structure, String field) {
        if ((byteLength & 1) != 0) {
            throw new SmbDecodeException(structure, field, "length " + byteLength + " is odd, not UTF-16");
        }
        if (byteLength < 0 || index < 0 || (long) index + byteLength > in.writerIndex()) {
            throw new SmbDecodeException(structure, field, "UTF-16 string of " + byteLength + " bytes at " + index + " outside the message");
        }
        int n = (int) (byteLength / 2);
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = (char) in.getShortLE(index + 2 * i);
        }
        return new String(chars);
    }

    /** Decodes a checked (offset from header start, length) region as UTF-16LE; see {@link #utf16(ByteBuf, int, long, String, String)}. */
    public static String utf16(ByteBuf in, int headerStart, long offset, long length, int minOffset, String structure, String field) {
        int index = region(in, headerStart, offset, length, minOffset, structure, field);
        return utf16(in, index, length, structure, field);
    }

    /** Writes the UTF-16LE code units of {@code s} (no terminator); the inverse of {@link #utf16}. */
    public static void writeUtf16(ByteBuf out, CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            out.writeShortLE(s.charAt(i));
        }
    }

    /** Bytes {@code s} occupies as UTF-16LE. */
    public static int utf16Length(CharSequence s) {
        return 2 * s.length();
    }

    /** Rounds up to a multiple of 8. */
    public static long align8(long n) {
        return (n + 7) & ~7L;
    }

    /** Writes zero bytes until the writer index is 8-byte aligned relative to {@code base} (usually the header start). */
    public static void pad8(ByteBuf out, int base) {
        int pad = (int) (align8(out.writerIndex() - base) - (out.writerIndex() - base));
        out.writeZero(pad);
    }

    /** MS-DTYP 2.3.4.2 GUID packet representation: Data1 (4, LE), Data2 (2, LE), Data3 (2, LE), Data4 (8). */
    public static UUID readGuid(ByteBuf in) {
        long data1 = in.readUnsignedIntLE();
        long data2 = in.readUnsignedShortLE();
        long data3 = in.readUnsignedShortLE();
        long data4 = in.readLong();
        return new UUID(data1 << 32 | data2 << 16 | data3, data4);
    }

    /** Writes a GUID in the MS-DTYP 2.3.4.2 packet representation; the inverse of {@link #readGuid}. */
    public static void writeGuid(ByteBuf out, UUID guid) {
        long msb = guid.getMostSignificantBits();
        out.writeIntLE((int) (msb >>> 32));
        out.writeShortLE((int) (msb >>> 16));
        out.writeShortLE((int) msb);
        out.writeLong(guid.getLeastSignificantBits());
    }
}
