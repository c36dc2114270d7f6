package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-SMB2 2.2.9 SMB2 TREE_CONNECT Request, with the 3.1.1 extension of 2.2.9.1 when
 * {@link #FLAG_EXTENSION_PRESENT} is set in {@code flags}.
 *
 * <p>Plain form: Buffer = PathName. Extension form: Buffer = TreeConnectContextOffset (4 bytes,
 * from the start of the TREE_CONNECT request body), TreeConnectContextCount (2 bytes), Reserved
 * (10 bytes), PathName, then the 8-byte aligned SMB2_TREE_CONNECT_CONTEXT list (2.2.9.2). In both
 * forms PathOffset/PathLength locate PathName from the SMB2 header.
 *
 * @param flags    Flags/Reserved (2 bytes): {@link #FLAG_CLUSTER_RECONNECT}, {@link #FLAG_REDIRECT_TO_OWNER}, {@link #FLAG_EXTENSION_PRESENT}
 * @param path     PathName, {@code \\server\share} (UTF-16LE)
 * @param contexts TreeConnectContexts (extension form only)
 */
public record TreeConnectRequest(int flags, String path, List<TreeConnectContext> contexts) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 9;
    public static final int FLAG_CLUSTER_RECONNECT = 0x0001;
    public static final int FLAG_REDIRECT_TO_OWNER = 0x0002;
    public static final int FLAG_EXTENSION_PRESENT = 0x0004;
    private static final int FIXED = 8;
    private static final int EXTENSION_HEADER = 16;
    private static final String NAME = "TREE_CONNECT request";

    public TreeConnectRequest {
        contexts = List.copyOf(contexts);
        if (!contexts.isEmpty() && (flags & FLAG_EXTENSION_PRESENT) == 0) {
            throw new IllegalArgumentException("tree connect contexts need FLAG_EXTENSION_PRESENT");
        }
    }

    /** The plain form for {@code \\server\share}. */
    public static TreeConnectRequest of(String path) {
        return new TreeConnectRequest(0, path, List.of());
    }

    /**
     * MS-SMB2 2.2.9.2 SMB2_TREE_CONNECT_CONTEXT: ContextType (2 bytes), DataLength (2 bytes),
     * Reserved (4 bytes), Data. Kept raw (the only defined type, 1, is the remoted identity).
     */
    public record TreeConnectContext(int contextType, byte[] data) {
        public static final int REMOTED_IDENTITY = 0x0001;

        @Override
        public boolean equals(Object o) {
            return o instanceof TreeConnectContext c && contextType == c.contextType && java.util.Arrays.equals(data, c.data);
        }

        @Override
        public int hashCode() {
            return contextType * 31 + java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "TreeConnectContext[type=" + contextType + ", " + data.length + " bytes]";
        }
    }

    public boolean extensionPresent() {
        return (flags & FLAG_EXTENSION_PRESENT) != 0;
    }

    @Override
    public Command command() {
        return Command.TREE_CONNECT;
    }

    /** MS-SMB2 2.2.9: Flags (and so the extension with its contexts) exist in 3.1.1 only; reserved (0) before. */
    @Override
    public TreeConnectRequest forDialect(Dialect dialect) {
        return dialect != Dialect.SMB3_11 && flags != 0 ? new TreeConnectRequest(0, path, List.of()) : this;
    }

    @Override
    public void encode(ByteBuf out) {
        int hdr = Body.headerStart(out);
        int bodyStart = out.writerIndex();
        boolean ext = extensionPresent();
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(flags);                // Flags/Reserved (2 bytes)
        out.writeShortLE(Smb2Header.SIZE + FIXED + (ext ? EXTENSION_HEADER : 0)); // PathOffset (2 bytes)
        out.writeShortLE(Body.u16(Wire.utf16Length(path), "PathName")); // PathLength (2 bytes)
        int contextOffsetIndex = out.writerIndex();
        if (ext) {
            out.writeIntLE(0);                  // TreeConnectContextOffset (4 bytes), patched
            out.writeShortLE(contexts.size());  // TreeConnectContextCount (2 bytes)
            out.writeZero(10);                  // Reserved (10 bytes)
        }
        Wire.writeUtf16(out, path);             // PathName (variable)
        if (ext && !contexts.isEmpty()) {
            for (int i = 0; i < contexts.size(); i++) {
                TreeConnectContext c = contexts.get(i);
                Wire.pad8(out, hdr);
                if (i == 0) {
                    out.setIntLE(contextOffsetIndex, out.writerIndex() - bodyStart);
                }
                out.writeShortLE(c.contextType()); // ContextType (2 bytes)
                out.writeShortLE(Body.u16(c.data().length, "tree connect context")); // DataLength (2 bytes)
                out.writeIntLE(0);              // Reserved (4 bytes)
                out.writeBytes(c.data());       // Data (variable)
            }
        }
        if (out.writerIndex() - bodyStart < STRUCTURE_SIZE) {
            out.writeZero(STRUCTURE_SIZE - (out.writerIndex() - bodyStart)); // Buffer is at least 1 byte
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static TreeConnectRequest decode(ByteBuf in) {
        int bodyStart = in.readerIndex();
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int flags = in.readUnsignedShortLE();
        int pathOffset = in.readUnsignedShortLE();
        int pathLength = in.readUnsignedShortLE();
        List<TreeConnectContext> contexts = new ArrayList<>();
        int minPath = Smb2Header.SIZE + FIXED;
        if ((flags & FLAG_EXTENSION_PRESENT) != 0) {
            Wire.require(in, EXTENSION_HEADER, NAME, "TREE_CONNECT_Request_Extension");
            long contextOffset = in.readUnsignedIntLE();
            int count = in.readUnsignedShortLE();
            in.skipBytes(10);
            minPath += EXTENSION_HEADER;
            long pos = bodyStart + contextOffset;
            int end = in.writerIndex();
            for (int i = 0; i < count; i++) {
                pos = hdr + Wire.align8(pos - hdr);
                if (pos < bodyStart + FIXED + EXTENSION_HEADER || pos + 8 > end) {
                    throw new SmbDecodeException(NAME, "TreeConnectContextOffset", "context " + i + " outside the message");
                }
                int type = in.getUnsignedShortLE((int) pos);
                int length = in.getUnsignedShortLE((int) pos + 2);
                if (pos + 8 + length > end) {
                    throw new SmbDecodeException(NAME, "DataLength", "context " + i + " runs past the end");
                }
                contexts.add(new TreeConnectContext(type, Wire.getBytes(in, (int) pos + 8, length, NAME, "Data")));
                pos += 8 + length;
            }
        }
        String path = Wire.utf16(in, hdr, pathOffset, pathLength, minPath, NAME, "PathName");
        return new TreeConnectRequest(flags, path, contexts);
    }
}
