package dev.smbco.protocol.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** FSCTL structures: encode to the IOCTL buffer, decode back, equal; carried through an IOCTL round trip. */
class FsctlTest {
    static final UUID GUID = UUID.fromString("12345678-9abc-def0-1122-334455667788");

    private static <T> T decode(byte[] bytes, Function<ByteBuf, T> decoder) {
        ByteBuf b = Unpooled.wrappedBuffer(bytes);
        try {
            return decoder.apply(b);
        } finally {
            b.release();
        }
    }

    @Test
    void validateNegotiateInfo() {
        ValidateNegotiateInfoRequest req = new ValidateNegotiateInfoRequest(0x7F, GUID, 1, List.of(0x0202, 0x0210, 0x0300, 0x0302));
        assertThat(req.toBytes()).hasSize(24 + 8);
        assertThat(decode(req.toBytes(), ValidateNegotiateInfoRequest::decode)).isEqualTo(req);
        IoctlRequest ioctl = req.toIoctl();
        assertThat(ioctl.ctlCode()).isEqualTo(Fsctl.FSCTL_VALIDATE_NEGOTIATE_INFO);
        assertThat(ioctl.fileId()).isEqualTo(FileId.ALL_ONES);
        assertThat(ioctl.flags()).isEqualTo(IoctlRequest.IS_FSCTL);
        Frames.roundTrip(ioctl, back -> assertThat(back).isEqualTo(ioctl));

        ValidateNegotiateInfoResponse resp = new ValidateNegotiateInfoResponse(0x2F, GUID, 3, 0x0302);
        assertThat(resp.toBytes()).hasSize(24);
        assertThat(decode(resp.toBytes(), ValidateNegotiateInfoResponse::decode)).isEqualTo(resp);
        // through a whole IOCTL response
        ByteBuf output = Unpooled.wrappedBuffer(resp.toBytes());
        IoctlResponse r = new IoctlResponse(Fsctl.FSCTL_VALIDATE_NEGOTIATE_INFO, FileId.ALL_ONES, new byte[0], output, 0);
        Smb2Response back = Frames.roundTrip(Command.IOCTL, 0, r::encode);
        try {
            assertThat(ValidateNegotiateInfoResponse.decode(((IoctlResponse) back).output().duplicate())).isEqualTo(resp);
        } finally {
            ((IoctlResponse) back).release();
            output.release();
        }
    }

    @Test
    void copyChunk() {
        byte[] key = new byte[24];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) i;
        }
        ResumeKeyResponse resume = new ResumeKeyResponse(key, new byte[0]);
        assertThat(resume.toBytes()).hasSize(28);
        assertThat(decode(resume.toBytes(), ResumeKeyResponse::decode)).isEqualTo(resume);
        ResumeKeyResponse withContext = new ResumeKeyResponse(key, new byte[] {1, 2});
        assertThat(decode(withContext.toBytes(), ResumeKeyResponse::decode)).isEqualTo(withContext);

        CopyChunkRequest copy = new CopyChunkRequest(key, List.of(new CopyChunkRequest.Chunk(0, 4096, 1 << 20),
                new CopyChunkRequest.Chunk(1 << 20, 1 << 21, 1 << 20)));
        assertThat(copy.toBytes()).hasSize(32 + 2 * 24);
        assertThat(decode(copy.toBytes(), CopyChunkRequest::decode)).isEqualTo(copy);
        IoctlRequest ioctl = copy.toIoctl(new FileId(5, 6), true);
        assertThat(ioctl.ctlCode()).isEqualTo(Fsctl.FSCTL_SRV_COPYCHUNK_WRITE);
        Frames.roundTrip(ioctl, back -> assertThat(back).isEqualTo(ioctl));

        CopyChunkResponse done = new CopyChunkResponse(2, 1 << 20, 2 << 20);
        assertThat(decode(done.toBytes(), CopyChunkResponse::decode)).isEqualTo(done);
        // STATUS_INVALID_PARAMETER with an SRV_COPYCHUNK_RESPONSE is an IOCTL body, not an ERROR body (MS-SMB2 3.3.4.4)
        ByteBuf limits = Unpooled.wrappedBuffer(new CopyChunkResponse(256, 1 << 20, 16 << 20).toBytes());
        IoctlResponse r = new IoctlResponse(Fsctl.FSCTL_SRV_COPYCHUNK_WRITE, new FileId(5, 6), new byte[0], limits, 0);
        Smb2Response back = Frames.roundTrip(Command.IOCTL, NtStatus.STATUS_INVALID_PARAMETER, r::encode);
        try {
            assertThat(back).isInstanceOf(IoctlResponse.class);
            assertThat(CopyChunkResponse.decode(((IoctlResponse) back).output().duplicate()).chunksWritten()).isEqualTo(256);
        } finally {
            ((IoctlResponse) back).release();
            limits.release();
        }
        assertThatThrownBy(() -> decode(new byte[8], CopyChunkResponse::decode)).isInstanceOf(SmbDecodeException.class);
    }

    @Test
    void dfsReferrals() {
        DfsReferralRequest req = new DfsReferralRequest(4, "\\server\\dfs\\dir\uD83D\uDE00");
        assertThat(decode(req.toBytes(), DfsReferralRequest::decode)).isEqualTo(req);
        assertThat(req.toIoctl(8192).ctlCode()).isEqualTo(Fsctl.FSCTL_DFS_GET_REFERRALS);
        DfsReferralResponse resp = new DfsReferralResponse(22, 3, List.of(
                new DfsReferralResponse.Referral(4, 1, DfsReferralResponse.Referral.TARGET_SET_BOUNDARY, 300, "\\server\\dfs",
                        "\\server\\dfs", "\\fs1\\share", List.of()),
                new DfsReferralResponse.Referral(3, 0, 0, 600, "\\server\\dfs", "\\server\\dfs", "\\fs2\\share", List.of()),
                new DfsReferralResponse.Referral(3, 0, DfsReferralResponse.Referral.NAME_LIST_REFERRAL, 600, "\\example.com",
                        "", "", List.of("\\dc1.example.com", "\\dc2.example.com")),
                new DfsReferralResponse.Referral(2, 0, 0, 60, "\\a\\b", "\\a\\b", "\\c\\d", List.of()),
                new DfsReferralResponse.Referral(1, 0, 0, 0, "", "", "\\v1\\share", List.of())));
        assertThat(decode(resp.toBytes(), DfsReferralResponse::decode)).isEqualTo(resp);
        byte[] broken = resp.toBytes();
        broken[8 + 2] = (byte) 0xFF;                    // Size of the first entry far too large
        assertThatThrownBy(() -> decode(broken, DfsReferralResponse::decode)).isInstanceOf(SmbDecodeException.class);
    }

    @Test
    void networkInterfaces() throws Exception {
        List<NetworkInterfaceInfo> list = List.of(
                new NetworkInterfaceInfo(3, NetworkInterfaceInfo.RSS_CAPABLE, 10_000_000_000L, InetAddress.getByName("192.0.2.10"), 0),
                new NetworkInterfaceInfo(4, 0, 1_000_000_000L, InetAddress.getByName("2001:db8::1"), 445));
        byte[] bytes = NetworkInterfaceInfo.toBytes(list);
        assertThat(bytes).hasSize(2 * NetworkInterfaceInfo.SIZE);
        assertThat(decode(bytes, NetworkInterfaceInfo::decodeList)).isEqualTo(list);
        assertThat(decode(new byte[0], NetworkInterfaceInfo::decodeList)).isEmpty();
        bytes[24] = 0x55;                               // unknown address family
        assertThatThrownBy(() -> decode(bytes, NetworkInterfaceInfo::decodeList)).isInstanceOf(SmbDecodeException.class);
    }

    @Test
    void setSparseAndPipeTransceive() {
        assertThat(new SetSparseRequest(true).toBytes()).containsExactly(1);
        assertThat(decode(new SetSparseRequest(false).toBytes(), SetSparseRequest::decode)).isEqualTo(new SetSparseRequest(false));
        assertThat(decode(new byte[0], SetSparseRequest::decode)).isEqualTo(new SetSparseRequest(true));
        IoctlRequest sparse = new SetSparseRequest(true).toIoctl(new FileId(1, 2));
        Frames.roundTrip(sparse, back -> assertThat(back).isEqualTo(sparse));
        IoctlRequest pipe = IoctlRequest.pipeTransceive(new FileId(7, 8), new byte[] {5, 0, 11, 3}, 4280);
        assertThat(pipe.creditPayloadSize()).isEqualTo(4280);
        Frames.roundTrip(pipe, back -> assertThat(back).isEqualTo(pipe));
        assertThat(IoctlRequest.requestResumeKey(new FileId(1, 1)).ctlCode()).isEqualTo(Fsctl.FSCTL_SRV_REQUEST_RESUME_KEY);
        assertThat(IoctlRequest.queryNetworkInterfaceInfo(65536).fileId()).isEqualTo(FileId.ALL_ONES);
    }
}
