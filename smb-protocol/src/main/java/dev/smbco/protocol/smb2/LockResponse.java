package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.27 SMB2 LOCK Response.
 *
 * <p>StructureSize (2 bytes) = 4, Reserved (2 bytes): the body carries nothing else.
 */
public record LockResponse() implements Smb2Response {
    private static final String NAME = "LOCK response";

    @Override
    public Command command() {
        return Command.LOCK;
    }

    /** Writes the 4-byte body. */
    public void encode(ByteBuf out) {
        Body.writeEmpty(out);                   // StructureSize (2 bytes), Reserved (2 bytes)
    }

    /** Reads the 4-byte body (convention of {@link dev.smbco.protocol.Wire}). */
    public static LockResponse decode(ByteBuf in) {
        Body.readEmpty(in, NAME);
        return new LockResponse();
    }
}
