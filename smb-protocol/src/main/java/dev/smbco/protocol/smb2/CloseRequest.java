package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.15 SMB2 CLOSE Request.
 *
 * @param flags  Flags (2 bytes): {@link #POSTQUERY_ATTRIB} asks for the attributes in the response
 * @param fileId FileId (16 bytes)
 */
public record CloseRequest(int flags, FileId fileId) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 24;
    /** SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB. */
    public static final int POSTQUERY_ATTRIB = 0x0001;
    private static final String NAME = "CLOSE request";

    @Override
    public Command command() {
        return Command.CLOSE;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(flags);                // Flags (2 bytes)
        out.writeIntLE(0);                      // Reserved (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static CloseRequest decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        int flags = in.readUnsignedShortLE();
        in.skipBytes(4);
        return new CloseRequest(flags, FileId.decode(in));
    }
}
