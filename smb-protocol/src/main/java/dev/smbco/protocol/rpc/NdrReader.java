package dev.smbco.protocol.rpc;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * Reads the NDR 2.0 (C706 chapter 14, little-endian) constructs the client's calls unmarshal. Every
 * count is checked against the bytes left before it sizes anything; a short or inconsistent stub
 * ends in {@link SmbDecodeException} naming {@code structure} and the field. Alignment counts from
 * where the stub began (the reader index at construction).
 */
public final class NdrReader {
    private final ByteBuf in;
    private final int base;
    private final String structure;

    public NdrReader(ByteBuf in, String structure) {
        this.in = in;
        this.base = in.readerIndex();
        this.structure = structure;
    }

    /** Skips padding to a multiple of {@code n} from the stub's start. */
    public void align(int n, String field) {
        int pad = (n - (in.readerIndex() - base) % n) % n;
        Wire.require(in, pad, structure, field);
        in.skipBytes(pad);
    }

    /** An unsigned long (4 bytes, aligned to 4) as a Java int (compare unsigned where it matters). */
    public int u32(String field) {
        align(4, field);
        Wire.require(in, 4, structure, field);
        return in.readIntLE();
    }

    /** A unique or full pointer's referent id; 0 is the null pointer. */
    public int pointer(String field) {
        return u32(field);
    }

    /** A conformant array's maximum_count (or any element count), checked against {@code elementSize} bytes each. */
    public int count(String field, int elementSize) {
        long n = Integer.toUnsignedLong(u32(field));
        return Wire.count(in, n, elementSize, structure, field);
    }

    /**
     * A {@code [string] wchar_t*} referent: maximum_count, offset, actual_count and the UTF-16
     * units (C706 14.3.4), less a terminating NUL. The counts must agree (offset + actual &lt;= max).
     */
    public String string(String field) {
        long max = Integer.toUnsignedLong(u32(field));
        long offset = Integer.toUnsignedLong(u32(field));
        long actual = Integer.toUnsignedLong(u32(field));
        if (offset + actual > max) {
            throw new SmbDecodeException(structure, field, "offset " + offset + " + actual_count " + actual + " exceeds maximum_count " + max);
        }
        Wire.require(in, (int) Math.min(Integer.MAX_VALUE, actual * 2), structure, field);
        int units = (int) actual;
        if (units > 0 && in.getShortLE(in.readerIndex() + 2 * (units - 1)) == 0) {
            units--;
        }
        String s = Wire.utf16(in, in.readerIndex(), 2L * units, structure, field);
        in.skipBytes((int) actual * 2);
        return s;
    }

    /** Bytes left in the stub. */
    public int remaining() {
        return in.readableBytes();
    }
}
