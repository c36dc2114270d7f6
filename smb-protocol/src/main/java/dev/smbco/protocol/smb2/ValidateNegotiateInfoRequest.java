package dev.smbco.protocol.smb2;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * MS-SMB2 2.2.31.4 VALIDATE_NEGOTIATE_INFO Request: the IOCTL input of
 * {@link Fsctl#FSCTL_VALIDATE_NEGOTIATE_INFO} (SMB 3.0/3.0.2; sent signed, FileId all ones).
 *
 * @param capabilities Capabilities (4 bytes): as sent in NEGOTIATE
 * @param guid         Guid (16 bytes): the ClientGuid
 * @param securityMode SecurityMode (2 bytes)
 * @param dialects     Dialects (2 bytes each), DialectCount (2 bytes) of them
 */
public record ValidateNegotiateInfoRequest(int capabilities, UUID guid, int securityMode, List<Integer> dialects) {
    private static final String NAME = "VALIDATE_NEGOTIATE_INFO request";

    public ValidateNegotiateInfoRequest {
        dialects = List.copyOf(dialects);
    }

    /** The IOCTL input buffer. */
    public byte[] toBytes() {
        return Body.toBytes(out -> {
            out.writeIntLE(capabilities);       // Capabilities (4 bytes)
            Wire.writeGuid(out, guid);          // Guid (16 bytes)
            out.writeShortLE(securityMode);     // SecurityMode (2 bytes)
            out.writeShortLE(dialects.size());  // DialectCount (2 bytes)
            for (int d : dialects) {
                out.writeShortLE(d);            // Dialects (2 bytes each)
            }
        });
    }

    /** The IOCTL request for this input (maximum output = the 24-byte response). */
    public IoctlRequest toIoctl() {
        return IoctlRequest.fsctl(Fsctl.FSCTL_VALIDATE_NEGOTIATE_INFO, FileId.ALL_ONES, toBytes(), 24);
    }

    /** Decodes from an input buffer (its readable bytes). */
    public static ValidateNegotiateInfoRequest decode(ByteBuf in) {
        Wire.require(in, 24, NAME, "fixed part");
        int caps = in.readIntLE();
        UUID guid = Wire.readGuid(in);
        int mode = in.readUnsignedShortLE();
        int count = in.readUnsignedShortLE();
        Wire.count(in, count, 2, NAME, "DialectCount");
        List<Integer> dialects = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            dialects.add(in.readUnsignedShortLE());
        }
        if (dialects.isEmpty()) {
            throw new SmbDecodeException(NAME, "DialectCount", "is 0");
        }
        return new ValidateNegotiateInfoRequest(caps, guid, mode, dialects);
    }
}
