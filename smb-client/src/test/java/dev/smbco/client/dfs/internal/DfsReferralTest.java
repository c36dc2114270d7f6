package dev.smbco.client.dfs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.dfs.DfsTarget;
import dev.smbco.protocol.smb2.DfsReferralResponse;
import dev.smbco.protocol.smb2.DfsReferralResponse.Referral;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MS-DFSC 3.1.5.4.3: what part of a path a referral covers, its targets, and the path rewritten onto a target. */
class DfsReferralTest {
    private static final String REQUESTED = "\\fs1\\dfsroot\\link\\dir\\a.txt";

    private static Referral entry(int ttl, String network) {
        return new Referral(4, 0, 0, ttl, "\\fs1\\dfsroot\\link", "\\fs1\\dfsroot\\link", network, List.of());
    }

    private static DfsReferral referral(int pathConsumed, Referral... entries) {
        return DfsReferral.of(REQUESTED, new DfsReferralResponse(pathConsumed, 2, List.of(entries)), "test");
    }

    @Test
    void pathConsumedCountsUtf16Bytes() {
        DfsReferral r = referral(2 * "\\fs1\\dfsroot\\link".length(), entry(300, "\\fs2\\data"), entry(600, "\\fs3\\data\\sub"));
        assertThat(r.prefix()).isEqualTo("\\fs1\\dfsroot\\link");
        assertThat(r.targets()).containsExactly(new DfsTarget("fs2", "data", ""), new DfsTarget("fs3", "data", "sub"));
        assertThat(r.ttlSeconds()).isEqualTo(300); // the lowest
    }

    @Test
    void aPathConsumedInsideANameFallsBackToTheEntrysDfsPath() {
        DfsReferral r = referral(2 * "\\fs1\\dfsroot\\li".length(), entry(300, "\\fs2\\data"));
        assertThat(r.prefix()).isEqualTo("\\fs1\\dfsroot\\link");
    }

    @Test
    void aPathConsumedBeyondTheRequestWithNoFittingDfsPathIsAProtocolError() {
        Referral elsewhere = new Referral(3, 0, 0, 300, "\\other\\root", "", "\\fs2\\data", List.of());
        assertThatThrownBy(() -> referral(0xFFFE, elsewhere)).isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("PathConsumed 65534");
        assertThatThrownBy(() -> referral(7, elsewhere)).isInstanceOf(SmbProtocolException.class);
    }

    @Test
    void aReferralWithoutAServerAndShareIsAProtocolError() {
        assertThatThrownBy(() -> referral(2 * "\\fs1\\dfsroot\\link".length(), entry(300, ""), entry(300, "\\onlyserver")))
                .isInstanceOf(SmbProtocolException.class).hasMessageContaining("no \\server\\share target");
        Referral nameList = new Referral(3, 0, Referral.NAME_LIST_REFERRAL, 300, "\\corp", "", "", List.of("\\dc1"));
        assertThatThrownBy(() -> referral(2 * "\\fs1\\dfsroot\\link".length(), nameList)).isInstanceOf(SmbProtocolException.class);
    }

    @Test
    void rewritesTheRestOfThePathOntoATarget() {
        DfsReferral r = referral(2 * "\\fs1\\dfsroot\\link".length(), entry(300, "\\fs2\\data"), entry(300, "\\\\fs3\\data\\sub\\"));
        DfsLocation from = new DfsLocation("fs1", 4450, "dfsroot", "link\\dir\\a.txt");
        assertThat(r.rewrite(from, r.targets().get(0))).isEqualTo(new DfsLocation("fs2", 445, "data", "dir\\a.txt"));
        assertThat(r.rewrite(from, r.targets().get(1))).isEqualTo(new DfsLocation("fs3", 445, "data", "sub\\dir\\a.txt"));
        // the link itself
        DfsLocation link = new DfsLocation("fs1", 4450, "dfsroot", "link");
        assertThat(r.rewrite(link, r.targets().get(0))).isEqualTo(new DfsLocation("fs2", 445, "data", ""));
        // a target on the same server keeps the port the client reaches it on
        assertThat(r.rewrite(from, new DfsTarget("FS1", "other", ""))).isEqualTo(new DfsLocation("FS1", 4450, "other", "dir\\a.txt"));
    }

    @Test
    void prefixesMatchWholeComponentsWithoutCase() {
        assertThat(DfsReferral.isPrefix("\\FS1\\DfsRoot\\Link", "\\fs1\\dfsroot\\link\\x")).isTrue();
        assertThat(DfsReferral.isPrefix("\\fs1\\dfsroot\\link", "\\fs1\\dfsroot\\link")).isTrue();
        assertThat(DfsReferral.isPrefix("\\fs1\\dfsroot\\li", "\\fs1\\dfsroot\\link")).isFalse();
        assertThat(DfsReferral.isPrefix("", "\\fs1")).isFalse();
    }
}
