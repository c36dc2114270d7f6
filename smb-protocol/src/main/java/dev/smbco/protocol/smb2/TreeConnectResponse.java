package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.10 SMB2 TREE_CONNECT Response.
 *
 * @param shareType     ShareType (1 byte), {@link ShareType}
 * @param shareFlags    ShareFlags (4 bytes), {@link ShareFlags}
 * @param capabilities  Capabilities (4 bytes), {@link ShareCapabilities}
 * @param maximalAccess MaximalAccess (4 bytes), {@link AccessMask}
 */
public record TreeConnectResponse(int shareType, int shareFlags, int capabilities, int maximalAccess) implements Smb2Response {
    public static final int STRUCTURE_SIZE = 16;
    private static final String NAME = "TREE_CONNECT response";

    @Override
    public Command command() {
        return Command.TREE_CONNECT;
    }

    /** True if the share requires encrypted access (SMB2_SHAREFLAG_ENCRYPT_DATA). */
    public boolean encryptData() {
        return (shareFlags & ShareFlags.ENCRYPT_DATA) != 0;
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(shareType);               // ShareType (1 byte)
        out.writeByte(0);                       // Reserved (1 byte)
        out.writeIntLE(shareFlags);             // ShareFlags (4 bytes)
        out.writeIntLE(capabilities);           // Capabilities (4 bytes)
        out.writeIntLE(maximalAccess);          // MaximalAccess (4 bytes)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static TreeConnectResponse decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        int type = in.readUnsignedByte();
        in.skipBytes(1);
        return new TreeConnectResponse(type, in.readIntLE(), in.readIntLE(), in.readIntLE());
    }
}
