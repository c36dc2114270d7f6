package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * MS-SMB2 2.2.32.6 VALIDATE_NEGOTIATE_INFO Response: the IOCTL output the client compares with
 * what NEGOTIATE gave it.
 *
 * @param capabilities Capabilities (4 bytes)
 * @param guid         Guid (16 bytes): the ServerGuid
 * @param securityMode SecurityMode (2 bytes)
 * @param dialect      Dialect (2 bytes)
 */
public record ValidateNegotiateInfoResponse(int capabilities, UUID guid, int securityMode, int dialect) {
    private static final String NAME = "VALIDATE_NEGOTIATE_INFO response";

    /** The IOCTL output buffer. */
    public byte[] toBytes() {
        return Body.toBytes(out -> {
            out.writeIntLE(capabilities);       // Capabilities (4 bytes)
            Wire.writeGuid(out, guid);          // Guid (16 bytes)
            out.writeShortLE(securityMode);     // SecurityMode (2 bytes)
            out.writeShortLE(dialect);          // Dialect (2 bytes)
        });
    }

    /** Decodes from the IOCTL output (its readable bytes). */
    public static ValidateNegotiateInfoResponse decode(ByteBuf in) {
        Wire.require(in, 24, NAME, "fixed part");
        return new ValidateNegotiateInfoResponse(in.readIntLE(), Wire.readGuid(in), in.readUnsignedShortLE(), in.readUnsignedShortLE());
    }
}
