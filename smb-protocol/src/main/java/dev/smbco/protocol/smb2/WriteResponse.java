package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.22 SMB2 WRITE Response. The StructureSize says 17 but servers send the 16 fixed
 * bytes only (the Windows vector is 80 bytes with header), so 16 are all we require.
 *
 * @param count     Count (4 bytes, unsigned): bytes written
 * @param remaining Remaining (4 bytes), 0
 */
public record WriteResponse(int count, int remaining) implements Smb2Response {
    public static final int STRUCTURE_SIZE = 17;
    private static final int FIXED = 16;
    private static final String NAME = "WRITE response";

    @Override
    public Command command() {
        return Command.WRITE;
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(0);                    // Reserved (2 bytes)
        out.writeIntLE(count);                  // Count (4 bytes)
        out.writeIntLE(remaining);              // Remaining (4 bytes)
        out.writeShortLE(0);                    // WriteChannelInfoOffset (2 bytes)
        out.writeShortLE(0);                    // WriteChannelInfoLength (2 bytes)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static WriteResponse decode(ByteBuf in) {
        Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        in.skipBytes(2);
        int count = in.readIntLE();
        int remaining = in.readIntLE();
        in.skipBytes(4);
        return new WriteResponse(count, remaining);
    }
}
