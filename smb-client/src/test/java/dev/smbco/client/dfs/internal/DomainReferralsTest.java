package dev.smbco.client.dfs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbDfsException;
import dev.smbco.client.SmbDfsException.Step;
import dev.smbco.client.dfs.DfsTarget;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.smb2.DfsReferralResponse;
import dev.smbco.protocol.smb2.DfsReferralResponse.Referral;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The domain, DC and SYSVOL/NETLOGON referrals (MS-DFSC 2.2.5.3, 3.1.4.1) as Samba 4.17's AD DC sent
 * them to smbco ({@code resources/frames/dfs-domain/*.bin}: the IOCTL output buffers of
 * FSCTL_DFS_GET_REFERRALS, taken with dumpcap from {@code DomainDfsTest}'s run against the AD DC
 * fixture): what they say, and that every truncation of each is a typed error naming the step and
 * the domain, never an index error.
 */
class DomainReferralsTest {
    private static final String DC = "dc1.smbco.test";

    private static byte[] frame(String name) throws IOException {
        try (InputStream in = DomainReferralsTest.class.getResourceAsStream("/frames/dfs-domain/" + name + ".bin")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void theDomainReferralNamesTheNetbiosAndTheDnsName() throws IOException {
        DfsReferralResponse r = DomainReferrals.decode(frame("domain-referral"), Step.DOMAIN_REFERRAL, null, DC);
        assertThat(DomainReferrals.domains(r, DC)).containsExactly(
                new DomainReferrals.NameList("SMBCO", List.of(), 600), new DomainReferrals.NameList("smbco.test", List.of(), 600));
    }

    @Test
    void theDcReferralNamesTheDcByTheNameTheDomainWasAskedBy() throws IOException {
        DfsReferralResponse dns = DomainReferrals.decode(frame("dc-referral-dns"), Step.DC_REFERRAL, "SMBCO.TEST", DC);
        assertThat(DomainReferrals.dcs(dns, "smbco.test", DC)).isEqualTo(
                new DomainReferrals.NameList("SMBCO.TEST", List.of("dc1.smbco.test"), 600));
        DfsReferralResponse netbios = DomainReferrals.decode(frame("dc-referral-netbios"), Step.DC_REFERRAL, "SMBCO", DC);
        assertThat(DomainReferrals.dcs(netbios, "SMBCO", DC).expanded()).containsExactly("DC1");
    }

    @Test
    void theSysvolAndNetlogonReferralsLeadToTheDcsOwnShares() throws IOException {
        DfsReferral sysvol = DfsReferral.of("\\SMBCO.TEST\\sysvol",
                DomainReferrals.decode(frame("sysvol-referral-dns"), Step.ROOT_REFERRAL, "SMBCO.TEST", DC), "test");
        assertThat(sysvol.prefix()).isEqualTo("\\SMBCO.TEST\\sysvol");
        assertThat(sysvol.targets()).containsExactly(new DfsTarget("dc1.smbco.test", "sysvol", ""));
        assertThat(sysvol.ttlSeconds()).isEqualTo(900);
        DfsLocation file = new DfsLocation("SMBCO.TEST", 445, "sysvol", "smbco.test\\Policies\\gpt.ini");
        assertThat(sysvol.rewrite(file, sysvol.targets().get(0)))
                .isEqualTo(new DfsLocation("dc1.smbco.test", 445, "sysvol", "smbco.test\\Policies\\gpt.ini"));

        DfsReferral netlogon = DfsReferral.of("\\SMBCO\\netlogon",
                DomainReferrals.decode(frame("netlogon-referral-netbios"), Step.ROOT_REFERRAL, "SMBCO", DC), "test");
        assertThat(netlogon.targets()).containsExactly(new DfsTarget("DC1", "netlogon", ""));
        DfsReferral viaNetbios = DfsReferral.of("\\SMBCO\\sysvol",
                DomainReferrals.decode(frame("sysvol-referral-netbios"), Step.ROOT_REFERRAL, "SMBCO", DC), "test");
        assertThat(viaNetbios.targets()).containsExactly(new DfsTarget("DC1", "sysvol", ""));
    }

    @Test
    void everyTruncationOfEveryFrameIsATypedErrorNamingTheStepAndTheDomain() throws IOException {
        record Case(String frame, Step step, String domain) {
        }
        List<Case> cases = List.of(new Case("domain-referral", Step.DOMAIN_REFERRAL, null),
                new Case("dc-referral-dns", Step.DC_REFERRAL, "SMBCO.TEST"), new Case("dc-referral-netbios", Step.DC_REFERRAL, "SMBCO"),
                new Case("sysvol-referral-dns", Step.ROOT_REFERRAL, "SMBCO.TEST"),
                new Case("sysvol-referral-netbios", Step.ROOT_REFERRAL, "SMBCO"),
                new Case("netlogon-referral-netbios", Step.ROOT_REFERRAL, "SMBCO"));
        int checked = 0;
        for (Case c : cases) {
            byte[] whole = frame(c.frame());
            for (int n = 0; n < whole.length; n++) {
                byte[] cut = Arrays.copyOf(whole, n);
                assertThatThrownBy(() -> DomainReferrals.decode(cut, c.step(), c.domain(), DC))
                        .as("%s cut to %d of %d bytes", c.frame(), n, whole.length)
                        .isInstanceOfSatisfying(SmbDfsException.class, e -> {
                            assertThat(e.step()).isEqualTo(c.step());
                            assertThat(e.domain()).isEqualTo(c.domain());
                            assertThat(e.getMessage()).contains("malformed referral", DC);
                            if (c.domain() != null) {
                                assertThat(e.getMessage()).contains(c.domain());
                            }
                        })
                        .hasCauseInstanceOf(SmbDecodeException.class);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(114 + 96 + 64 + 164 + 122 + 134);
    }

    @Test
    void aRootReferralWhereANameListBelongsIsMalformed() throws IOException {
        DfsReferralResponse root = DomainReferrals.decode(frame("sysvol-referral-dns"), Step.ROOT_REFERRAL, "SMBCO.TEST", DC);
        assertThatThrownBy(() -> DomainReferrals.domains(root, DC)).isInstanceOfSatisfying(SmbDfsException.class,
                e -> assertThat(e.step()).isEqualTo(Step.DOMAIN_REFERRAL)).hasMessageContaining("without NameListReferral");
        assertThatThrownBy(() -> DomainReferrals.dcs(root, "SMBCO.TEST", DC)).isInstanceOfSatisfying(SmbDfsException.class,
                e -> assertThat(e.domain()).isEqualTo("SMBCO.TEST")).hasMessageContaining("without NameListReferral");
    }

    @Test
    void aDcReferralAboutAnotherDomainOrWithoutDcsOrNamesIsMalformed() throws IOException {
        DfsReferralResponse dns = DomainReferrals.decode(frame("dc-referral-dns"), Step.DC_REFERRAL, "SMBCO.TEST", DC);
        assertThatThrownBy(() -> DomainReferrals.dcs(dns, "OTHER", DC)).isInstanceOf(SmbDfsException.class)
                .hasMessageContaining("not about domain OTHER");
        DfsReferralResponse noDcs = new DfsReferralResponse(0, 0, List.of(new Referral(3, 0, Referral.NAME_LIST_REFERRAL, 600,
                "SMBCO", "", "", List.of())));
        assertThatThrownBy(() -> DomainReferrals.dcs(noDcs, "SMBCO", DC)).isInstanceOf(SmbDfsException.class)
                .hasMessageContaining("names no domain controller");
        DfsReferralResponse empty = new DfsReferralResponse(0, 0, List.of());
        assertThatThrownBy(() -> DomainReferrals.domains(empty, DC)).isInstanceOf(SmbDfsException.class).hasMessageContaining("names no domain");
        DfsReferralResponse badName = new DfsReferralResponse(0, 0, List.of(new Referral(3, 0, Referral.NAME_LIST_REFERRAL, 600,
                "\\SMBCO\\sysvol", "", "", List.of())));
        assertThatThrownBy(() -> DomainReferrals.domains(badName, DC)).isInstanceOf(SmbDfsException.class)
                .hasMessageContaining("is not a domain name");
        DfsReferralResponse badDc = new DfsReferralResponse(0, 0, List.of(new Referral(3, 0, Referral.NAME_LIST_REFERRAL, 600,
                "SMBCO", "", "", List.of("\\"))));
        assertThatThrownBy(() -> DomainReferrals.dcs(badDc, "SMBCO", DC)).isInstanceOf(SmbDfsException.class)
                .hasMessageContaining("is not a host name");
    }

    @Test
    void theRecordedFramesRoundTripThroughTheEncoder() throws IOException {
        // the decoder reads what Samba sent; re-encoding what it read gives a frame that says the same
        for (String name : List.of("domain-referral", "dc-referral-dns", "dc-referral-netbios")) {
            DfsReferralResponse r = DomainReferrals.decode(frame(name), Step.DC_REFERRAL, "X", DC);
            DfsReferralResponse again = DomainReferrals.decode(r.toBytes(), Step.DC_REFERRAL, "X", DC);
            assertThat(again).as(name).isEqualTo(r);
        }
    }
}
