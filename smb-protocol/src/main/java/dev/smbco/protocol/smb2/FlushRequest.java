package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.17 SMB2 FLUSH Request.
 *
 * @param fileId FileId (16 bytes)
 */
public record FlushRequest(FileId fileId) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 24;
    private static final String NAME = "FLUSH request";

    @Override
    public Command command() {
        return Command.FLUSH;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(0);                    // Reserved1 (2 bytes)
        out.writeIntLE(0);                      // Reserved2 (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static FlushRequest decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        in.skipBytes(6);
        return new FlushRequest(FileId.decode(in));
    }
}
