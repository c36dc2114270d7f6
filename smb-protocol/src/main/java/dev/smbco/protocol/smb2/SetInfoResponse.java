package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/** MS-SMB2 2.2.40 SMB2 SET_INFO Response: StructureSize (2 bytes) = 2 and nothing else. */
public record SetInfoResponse() implements Smb2Response {
    public static final int STRUCTURE_SIZE = 2;
    private static final String NAME = "SET_INFO response";

    @Override
    public Command command() {
        return Command.SET_INFO;
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static SetInfoResponse decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        return new SetInfoResponse();
    }
}
