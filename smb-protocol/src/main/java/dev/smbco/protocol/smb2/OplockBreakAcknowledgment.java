package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.24.1 Oplock Break Acknowledgment.
 *
 * @param oplockLevel OplockLevel (1 byte): the level the client moves to
 * @param fileId      FileId (16 bytes)
 */
public record OplockBreakAcknowledgment(int oplockLevel, FileId fileId) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 24;
    private static final String NAME = "OPLOCK_BREAK acknowledgment";

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }

    @Override
    public void encode(ByteBuf out) {
        encode(out, oplockLevel, fileId);
    }

    static void encode(ByteBuf out, int oplockLevel, FileId fileId) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(oplockLevel);             // OplockLevel (1 byte)
        out.writeByte(0);                       // Reserved (1 byte)
        out.writeIntLE(0);                      // Reserved2 (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static OplockBreakAcknowledgment decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        int level = in.readUnsignedByte();
        in.skipBytes(5);
        return new OplockBreakAcknowledgment(level, FileId.decode(in));
    }
}
