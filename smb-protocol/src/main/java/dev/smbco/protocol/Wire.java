package dev.smbco.protocol;

import io.netty.buffer.ByteBuf;

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
}
