package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * MS-DFSC 2.2.2 REQ_GET_DFS_REFERRAL: the input of {@link Fsctl#FSCTL_DFS_GET_REFERRALS}
 * (MS-SMB2 2.2.31 sends it on the IPC$ tree with FileId all ones).
 *
 * @param maxReferralLevel MaxReferralLevel (2 bytes): highest referral version understood, e.g. 4
 * @param requestFileName  RequestFileName (variable): NUL-terminated UTF-16LE DFS path, {@code \server\share\path}
 */
public record DfsReferralRequest(int maxReferralLevel, String requestFileName) {
    private static final String NAME = "REQ_GET_DFS_REFERRAL";

    /** The IOCTL input buffer. */
    public byte[] toBytes() {
        return Body.toBytes(out -> {
            out.writeShortLE(maxReferralLevel); // MaxReferralLevel (2 bytes)
            Wire.writeUtf16(out, requestFileName); // RequestFileName (variable)
            out.writeShortLE(0);                // NUL terminator
        });
    }

    /** The IOCTL request; {@code maxOutput} bounds the referral response. */
    public IoctlRequest toIoctl(int maxOutput) {
        return IoctlRequest.fsctl(Fsctl.FSCTL_DFS_GET_REFERRALS, FileId.ALL_ONES, toBytes(), maxOutput);
    }

    /** Decodes from an input buffer (its readable bytes). */
    public static DfsReferralRequest decode(ByteBuf in) {
        Wire.require(in, 2, NAME, "MaxReferralLevel");
        int level = in.readUnsignedShortLE();
        return new DfsReferralRequest(level, Body.utf16z(in, in.readerIndex(), in.writerIndex(), NAME, "RequestFileName"));
    }
}
