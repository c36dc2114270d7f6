package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.7 SMB2 LOGOFF Request.
 *
 * <p>StructureSize (2 bytes) = 4, Reserved (2 bytes): the body carries nothing else.
 */
public record LogoffRequest() implements Smb2Request {
    private static final String NAME = "LOGOFF request";

    @Override
    public Command command() {
        return Command.LOGOFF;
    }

    /** Writes the 4-byte body. */
    @Override
    public void encode(ByteBuf out) {
        Body.writeEmpty(out);                   // StructureSize (2 bytes), Reserved (2 bytes)
    }

    /** Reads the 4-byte body (convention of {@link dev.smbco.protocol.Wire}). */
    public static LogoffRequest decode(ByteBuf in) {
        Body.readEmpty(in, NAME);
        return new LogoffRequest();
    }
}
