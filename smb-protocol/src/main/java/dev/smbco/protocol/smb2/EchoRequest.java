package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.28 SMB2 ECHO Request.
 *
 * <p>StructureSize (2 bytes) = 4, Reserved (2 bytes): the body carries nothing else.
 */
public record EchoRequest() implements Smb2Request {
    private static final String NAME = "ECHO request";

    @Override
    public Command command() {
        return Command.ECHO;
    }

    /** Writes the 4-byte body. */
    @Override
    public void encode(ByteBuf out) {
        Body.writeEmpty(out);                   // StructureSize (2 bytes), Reserved (2 bytes)
    }

    /** Reads the 4-byte body (convention of {@link dev.smbco.protocol.Wire}). */
    public static EchoRequest decode(ByteBuf in) {
        Body.readEmpty(in, NAME);
        return new EchoRequest();
    }
}
