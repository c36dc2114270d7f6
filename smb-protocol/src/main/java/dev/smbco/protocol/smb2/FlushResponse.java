package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.18 SMB2 FLUSH Response.
 *
 * <p>StructureSize (2 bytes) = 4, Reserved (2 bytes): the body carries nothing else.
 */
public record FlushResponse() implements Smb2Response {
    private static final String NAME = "FLUSH response";

    @Override
    public Command command() {
        return Command.FLUSH;
    }

    /** Writes the 4-byte body. */
    public void encode(ByteBuf out) {
        Body.writeEmpty(out);                   // StructureSize (2 bytes), Reserved (2 bytes)
    }

    /** Reads the 4-byte body (convention of {@link dev.smbco.protocol.Wire}). */
    public static FlushResponse decode(ByteBuf in) {
        Body.readEmpty(in, NAME);
        return new FlushResponse();
    }
}
