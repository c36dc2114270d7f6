package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.23.1 Oplock Break Notification and 2.2.25.1 Oplock Break Response (same layout):
 * the server breaks an oplock (MessageId 0xFFFFFFFFFFFFFFFF), or confirms the client's acknowledgment.
 *
 * @param oplockLevel OplockLevel (1 byte), {@link OplockLevel}
 * @param fileId      FileId (16 bytes)
 */
public record OplockBreakNotification(int oplockLevel, FileId fileId) implements Smb2Response {
    public static final int STRUCTURE_SIZE = 24;
    private static final String NAME = "OPLOCK_BREAK notification";

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }

    public void encode(ByteBuf out) {
        OplockBreakAcknowledgment.encode(out, oplockLevel, fileId);
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static OplockBreakNotification decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        int level = in.readUnsignedByte();
        in.skipBytes(5);
        return new OplockBreakNotification(level, FileId.decode(in));
    }
}
