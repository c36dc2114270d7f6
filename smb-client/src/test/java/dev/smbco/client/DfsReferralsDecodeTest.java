package dev.smbco.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.smb2.DfsReferralResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A referral inside a sound IOCTL response that does not parse fails the request as a protocol error naming it. */
@ExtendWith(NoLeaks.class)
class DfsReferralsDecodeTest {
    private static final byte[] GOOD = new DfsReferralResponse(44, 2, List.of(
            new DfsReferralResponse.Referral(3, 0, 0, 600, "\\127.0.0.1\\dfsroot\\two", "\\127.0.0.1\\dfsroot\\two", "\\127.0.0.2\\share2",
                    List.of()))).toBytes();

    @Test
    void aWellFormedReferralDecodes() {
        assertThat(DfsReferrals.decode(GOOD, "FSCTL_DFS_GET_REFERRALS \\x").referrals()).hasSize(1);
    }

    @Test
    void everyTruncatedReferralIsAProtocolErrorNamingTheRequest() {
        for (int n = 0; n < GOOD.length; n++) {
            byte[] cut = Arrays.copyOf(GOOD, n);
            assertThatThrownBy(() -> DfsReferrals.decode(cut, "FSCTL_DFS_GET_REFERRALS \\127.0.0.1\\dfsroot\\two"))
                    .as("cut to %d bytes", n)
                    .isInstanceOf(SmbProtocolException.class)
                    .hasMessageStartingWith("FSCTL_DFS_GET_REFERRALS \\127.0.0.1\\dfsroot\\two: malformed referral")
                    .hasCauseInstanceOf(SmbDecodeException.class);
        }
    }

    @Test
    void garbageIsAProtocolErrorNeverAnIndexError() {
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 2000; i++) {
            byte[] b = GOOD.clone();
            b[random.nextInt(b.length)] = (byte) random.nextInt(256);
            b[random.nextInt(Math.min(b.length, 48))] = (byte) random.nextInt(256);
            try {
                DfsReferrals.decode(b, "x");
            } catch (SmbProtocolException expected) {
                // typed, as it must be
            }
        }
    }
}
