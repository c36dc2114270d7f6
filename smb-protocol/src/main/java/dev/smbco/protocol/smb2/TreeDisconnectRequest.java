package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.11 SMB2 TREE_DISCONNECT Request.
 *
 * <p>StructureSize (2 bytes) = 4, Reserved (2 bytes): the body carries nothing else.
 */
public record TreeDisconnectRequest() implements Smb2Request {
    private static final String NAME = "TREE_DISCONNECT request";

    @Override
    public Command command() {
        return Command.TREE_DISCONNECT;
    }

    /** Writes the 4-byte body. */
    @Override
    public void encode(ByteBuf out) {
        Body.writeEmpty(out);                   // StructureSize (2 bytes), Reserved (2 bytes)
    }

    /** Reads the 4-byte body (convention of {@link dev.smbco.protocol.Wire}). */
    public static TreeDisconnectRequest decode(ByteBuf in) {
        Body.readEmpty(in, NAME);
        return new TreeDisconnectRequest();
    }
}
