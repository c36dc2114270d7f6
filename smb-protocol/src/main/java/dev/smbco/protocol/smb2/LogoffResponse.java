package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.8 SMB2 LOGOFF Response.
 *
 * <p>StructureSize (2 bytes) = 4, Reserved (2 bytes): the body carries nothing else.
 */
public record LogoffResponse() implements Smb2Response {
    private static final String NAME = "LOGOFF response";

    @Override
    public Command command() {
        return Command.LOGOFF;
    }

    /** Writes the 4-byte body. */
    public void encode(ByteBuf out) {
        Body.writeEmpty(out);                   // StructureSize (2 bytes), Reserved (2 bytes)
    }

    /** Reads the 4-byte body (convention of {@link dev.smbco.protocol.Wire}). */
    public static LogoffResponse decode(ByteBuf in) {
        Body.readEmpty(in, NAME);
        return new LogoffResponse();
    }
}
