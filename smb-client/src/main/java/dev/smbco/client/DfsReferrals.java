package dev.smbco.client;

import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.smb2.DfsReferralRequest;
import dev.smbco.protocol.smb2.DfsReferralResponse;
import dev.smbco.protocol.smb2.IoctlResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * MS-DFSC 3.1.4.1 / MS-SMB2 3.2.4.20.3: one FSCTL_DFS_GET_REFERRALS on a tree (the server's IPC$),
 * FileId all ones, asking for referral versions up to 4. The IOCTL response is checked as a frame
 * by the engine; the referral inside it is decoded here, so a malformed referral fails this
 * request with {@link SmbProtocolException} and leaves the connection, whose framing and signing
 * were sound, in service.
 */
final class DfsReferrals {
    /** MaxReferralLevel: versions 1..4 are understood (MS-DFSC 2.2.5.1-2.2.5.4). */
    static final int MAX_REFERRAL_LEVEL = 4;
    /** MaxOutputResponse: a referral with a few targets takes a few hundred bytes. */
    static final int MAX_OUTPUT = 64 * 1024;

    private DfsReferrals() {
    }

    static Request<DfsReferralResponse> send(SmbTree tree, String dfsPath) {
        String what = "FSCTL_DFS_GET_REFERRALS " + dfsPath + " (on " + tree.unc() + ")";
        Request<byte[]> raw = tree.send(new DfsReferralRequest(MAX_REFERRAL_LEVEL, dfsPath).toIoctl(MAX_OUTPUT), "",
                (header, body) -> {
                    IoctlResponse r = IoctlResponse.decode(body);
                    try {
                        return ByteBufUtil.getBytes(r.output());
                    } finally {
                        r.release();
                    }
                });
        return Coroutine.start(tree.loop(), co -> decode(co.await(raw), what));
    }

    /** The referral in an IOCTL's output; a malformed one is a protocol error naming the request. */
    static DfsReferralResponse decode(byte[] output, String what) {
        ByteBuf in = Unpooled.wrappedBuffer(output);
        try {
            return DfsReferralResponse.decode(in);
        } catch (SmbDecodeException e) {
            throw new SmbProtocolException(what + ": malformed referral: " + e.getMessage(), e);
        } finally {
            in.release();
        }
    }
}
