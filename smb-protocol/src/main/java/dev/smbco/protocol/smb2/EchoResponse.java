package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.29 SMB2 ECHO Response.
 *
 * <p>StructureSize (2 bytes) = 4, Reserved (2 bytes): the body carries nothing else.
 */
public record EchoResponse() implements Smb2Response {
    private static final String NAME = "ECHO response";

    @Override
    public Command command() {
        return Command.ECHO;
    }

    /** Writes the 4-byte body. */
    public void encode(ByteBuf out) {
        Body.writeEmpty(out);                   // StructureSize (2 bytes), Reserved (2 bytes)
    }

    /** Reads the 4-byte body (convention of {@link dev.smbco.protocol.Wire}). */
    public static EchoResponse decode(ByteBuf in) {
        Body.readEmpty(in, NAME);
        return new EchoResponse();
    }
}
