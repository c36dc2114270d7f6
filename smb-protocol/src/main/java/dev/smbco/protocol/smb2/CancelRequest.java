package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.30 SMB2 CANCEL Request (there is no CANCEL response; the header's MessageId/AsyncId names the request to cancel).
 *
 * <p>StructureSize (2 bytes) = 4, Reserved (2 bytes): the body carries nothing else.
 */
public record CancelRequest() implements Smb2Request {
    private static final String NAME = "CANCEL request";

    @Override
    public Command command() {
        return Command.CANCEL;
    }

    /** Writes the 4-byte body. */
    @Override
    public void encode(ByteBuf out) {
        Body.writeEmpty(out);                   // StructureSize (2 bytes), Reserved (2 bytes)
    }

    /** Reads the 4-byte body (convention of {@link dev.smbco.protocol.Wire}). */
    public static CancelRequest decode(ByteBuf in) {
        Body.readEmpty(in, NAME);
        return new CancelRequest();
    }
}
