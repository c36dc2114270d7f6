package dev.smbco.protocol.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MS-DFSC 2.2.4 RESP_GET_DFS_REFERRAL as Samba 4.17 sends it (recorded through the fault proxy,
 * {@code frames/dfs/}): the referral for {@code \127.0.0.1\dfsroot\two\x}, a link with two
 * targets, as the IOCTL output. Then the same bytes broken in each way a server could break them.
 */
class DfsReferralFramesTest {
    private static byte[] recorded() throws IOException {
        try (InputStream in = DfsReferralFramesTest.class.getResourceAsStream("/frames/dfs/samba-4.17-referral-two-targets.bin")) {
            return in.readAllBytes();
        }
    }

    private static DfsReferralResponse decode(byte[] bytes) {
        ByteBuf b = Unpooled.wrappedBuffer(bytes);
        try {
            return DfsReferralResponse.decode(b);
        } finally {
            b.release();
        }
    }

    @Test
    void decodesSambasTwoTargetLinkReferral() throws IOException {
        DfsReferralResponse r = decode(recorded());
        // PathConsumed counts UTF-16 bytes of "\127.0.0.1\dfsroot\two": 22 characters
        assertThat(r.pathConsumed()).isEqualTo(44);
        assertThat(r.referralHeaderFlags()).isEqualTo(2); // StorageServers: the targets hold the data
        assertThat(r.referrals()).extracting(DfsReferralResponse.Referral::networkAddress)
                .containsExactly("\\127.0.0.3\\share2", "\\127.0.0.2\\share2");
        for (DfsReferralResponse.Referral e : r.referrals()) {
            assertThat(e.version()).isEqualTo(3);
            assertThat(e.serverType()).isZero(); // a link target, not a root
            assertThat(e.timeToLive()).isEqualTo(600);
            assertThat(e.dfsPath()).isEqualTo("\\127.0.0.1\\dfsroot\\two");
            assertThat(e.expandedNames()).isEmpty();
        }
        // and our encoder writes what decodes to the same
        assertThat(decode(r.toBytes())).isEqualTo(r);
    }

    @Test
    void everyTruncationIsADecodeError() throws IOException {
        byte[] bytes = recorded();
        for (int n = 0; n < bytes.length; n++) {
            byte[] cut = Arrays.copyOf(bytes, n);
            assertThatThrownBy(() -> decode(cut)).as("cut to %d bytes", n).isInstanceOf(SmbDecodeException.class);
        }
    }

    @Test
    void aStringOffsetPastTheEndIsADecodeError() throws IOException {
        byte[] bytes = recorded();
        // entry 0 starts at 8; V3: NetworkAddressOffset at +16
        bytes[8 + 16] = (byte) 0xFF;
        bytes[8 + 17] = (byte) 0x7F;
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("NetworkAddressOffset");
    }

    @Test
    void moreReferralsThanTheBufferHoldsIsADecodeError() throws IOException {
        byte[] bytes = recorded();
        bytes[2] = (byte) 0xFF; // NumberOfReferrals 0x00FF... of 8 bytes at least each
        bytes[3] = (byte) 0x7F;
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("NumberOfReferrals");
    }

    @Test
    void anUnknownVersionOrASizeBelowTheFixedPartIsADecodeError() throws IOException {
        byte[] v5 = recorded();
        v5[8] = 5;
        assertThatThrownBy(() -> decode(v5)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("VersionNumber");
        byte[] small = recorded();
        small[8 + 2] = 20; // Size 20 < the 34 bytes of a V3 entry's fixed part
        assertThatThrownBy(() -> decode(small)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("Size");
    }

    @Test
    void aNameListReferralWithMoreNamesThanBytesIsADecodeError() {
        byte[] bytes = new DfsReferralResponse(0, 0, List.of(new DfsReferralResponse.Referral(3, 0,
                DfsReferralResponse.Referral.NAME_LIST_REFERRAL, 600, "\\corp", "", "", List.of("\\dc1")))).toBytes();
        bytes[8 + 14] = (byte) 0xFF; // NumberOfExpandedNames 0xFFFF, one name there
        bytes[8 + 15] = (byte) 0xFF;
        assertThatThrownBy(() -> decode(bytes)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("ExpandedNameOffset");
    }
}
