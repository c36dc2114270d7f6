package dev.smbco.protocol.rpc;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * The little of NDR 2.0 (C706 chapter 14, little-endian) that the client's calls marshal:
 * aligned integers, unique pointers' referent ids and conformant varying UTF-16 strings. Alignment
 * counts from where the stub began (the writer index at construction).
 */
public final class NdrWriter {
    private final ByteBuf out;
    private final int base;
    private int nextReferent = 0x00020000;

    public NdrWriter(ByteBuf out) {
        this.out = out;
        this.base = out.writerIndex();
    }

    /** Pads with zeros to a multiple of {@code n} from the stub's start (C706 14.2.2). */
    public NdrWriter align(int n) {
        int pos = out.writerIndex() - base;
        out.writeZero((n - pos % n) % n);
        return this;
    }

    /** An unsigned long (4 bytes, aligned to 4). */
    public NdrWriter u32(int value) {
        align(4);
        out.writeIntLE(value);
        return this;
    }

    /**
     * A unique pointer's referent id (C706 14.3.10): a fresh non-zero id when {@code present},
     * 0 for a null pointer. The caller writes the referent where NDR places it.
     */
    public NdrWriter pointer(boolean present) {
        if (!present) {
            return u32(0);
        }
        int id = nextReferent;
        nextReferent += 4;
        return u32(id);
    }

    /**
     * A {@code [string] wchar_t*} referent: a conformant varying array of UTF-16 units with its
     * terminating NUL (C706 14.3.4): maximum_count, offset 0, actual_count, the units.
     */
    public NdrWriter string(String s) {
        int units = s.length() + 1;
        u32(units);                             // maximum_count
        u32(0);                                 // offset
        u32(units);                             // actual_count
        Wire.writeUtf16(out, s);
        out.writeShortLE(0);                    // the terminating NUL
        return this;
    }
}
