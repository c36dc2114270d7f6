package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/** Small shared steps of body encoders and decoders (package-private). */
final class Body {
    private Body() {
    }

    /**
     * Starts decoding a body: checks that the fixed part ({@code fixed} bytes) is readable and that
     * StructureSize matches, reads StructureSize, and returns the absolute header start index.
     */
    static int start(ByteBuf in, int fixed, int structureSize, String structure) {
        int headerStart = Wire.headerStart(in, structure);
        Wire.require(in, fixed, structure, "fixed part");
        Wire.structureSize(in.readUnsignedShortLE(), structureSize, structure);
        return headerStart;
    }

    /** For encoders: the absolute index of the header written just before the body that starts at the writer index. */
    static int headerStart(ByteBuf out) {
        return out.writerIndex() - Smb2Header.SIZE;
    }

    /** The offset from the header start of the writer index. */
    static int offset(ByteBuf out, int headerStart) {
        return out.writerIndex() - headerStart;
    }

    /** The four-byte body shared by LOGOFF, TREE_DISCONNECT, ECHO, CANCEL and a few responses. */
    static void writeEmpty(ByteBuf out) {
        out.writeShortLE(4);                    // StructureSize (2 bytes)
        out.writeShortLE(0);                    // Reserved (2 bytes)
    }

    /** Reads the four-byte empty body. */
    static void readEmpty(ByteBuf in, String structure) {
        start(in, 4, 4, structure);
        in.skipBytes(2);                        // Reserved (2 bytes)
    }

    /** A 2-byte length field must fit. */
    static int u16(int n, String what) {
        if (n < 0 || n > 0xFFFF) {
            throw new IllegalArgumentException(what + " of " + n + " bytes does not fit a 16-bit length");
        }
        return n;
    }

    /**
     * Writes the body shared by QUERY_DIRECTORY (2.2.34), CHANGE_NOTIFY (2.2.36) and QUERY_INFO
     * (2.2.38) responses.
     */
    static void writeOutputBuffer(ByteBuf out, ByteBuf payload) {
        out.writeShortLE(9);                    // StructureSize (2 bytes)
        out.writeShortLE(Smb2Header.SIZE + 8);  // OutputBufferOffset (2 bytes)
        out.writeIntLE(payload.readableBytes()); // OutputBufferLength (4 bytes)
        out.writeBytes(payload, payload.readerIndex(), payload.readableBytes()); // Buffer (variable)
        if (payload.readableBytes() == 0) {
            out.writeByte(0);                   // Buffer is at least 1 byte
        }
    }

    /** Reads that shared body and returns a retained slice of the output buffer. */
    static ByteBuf readOutputBuffer(ByteBuf in, String structure) {
        int hdr = start(in, 8, 9, structure);
        int offset = in.readUnsignedShortLE();
        long length = in.readUnsignedIntLE();
        int index = Wire.region(in, hdr, offset, length, Smb2Header.SIZE + 8, structure, "OutputBufferOffset");
        return in.retainedSlice(index, (int) length);
    }

    /** Encodes into a fresh byte array (FSCTL input structures are small). */
    static byte[] toBytes(java.util.function.Consumer<ByteBuf> writer) {
        ByteBuf b = io.netty.buffer.Unpooled.buffer();
        try {
            writer.accept(b);
            byte[] out = new byte[b.readableBytes()];
            b.readBytes(out);
            return out;
        } finally {
            b.release();
        }
    }

    /**
     * Reads a NUL-terminated UTF-16LE string starting at absolute {@code index}, never past
     * {@code end}; fails if no terminator is found.
     */
    static String utf16z(ByteBuf in, int index, int end, String structure, String field) {
        if (index < 0 || index > end) {
            throw new dev.smbco.protocol.SmbDecodeException(structure, field, "offset outside the structure");
        }
        for (int i = index; i + 1 < end; i += 2) {
            if (in.getShortLE(i) == 0) {
                return Wire.utf16(in, index, i - index, structure, field);
            }
        }
        throw new dev.smbco.protocol.SmbDecodeException(structure, field, "has no NUL terminator");
    }
}
