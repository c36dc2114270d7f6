package dev.smbco.it.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbDfsException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.dfs.DfsPolicy;
import dev.smbco.testserver.AdDc;
import dev.smbco.testserver.AdDcExtension;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.TestHosts;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Domain-based DFS names (MS-DFSC 3.1.4.1) against the Samba AD DC: {@code \\SMBCO.TEST\sysvol\...}
 * and {@code \\SMBCO\netlogon\...} name the domain, not a server; the client asks the configured DC
 * for the domain referral and the DC referral, then a DC for the SYSVOL/NETLOGON referral, and
 * reads the file on the server that names ({@code \\dc1.smbco.test\sysvol}, which the tests check:
 * SMBCO resolves nowhere, SMBCO.TEST only once the default-policy test mapped it, and then to the
 * DC itself); dc1.smbco.test resolves in the test JVM only ({@link TestHosts}).
 */
@ExtendWith(AdDcExtension.class)
class DomainDfsTest {

    private static SmbClient client(AdDc dc, String... domainControllers) {
        return SmbClient.create(SmbConfig.builder().signing(SmbConfig.Policy.REQUIRED).connectTimeout(Duration.ofSeconds(10))
                .dfs(DfsPolicy.on().withDomainControllers(domainControllers)).build());
    }

    /** A file in the DC's sysvol, {@code smbco.test/<name>}, readable by the domain user. */
    private static String placeInSysvol(AdDc dc, String dir, String text) throws Exception {
        String name = "dfs-domain-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        Path file = dc.sysvolDir().resolve(dir).resolve(name);
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        return name;
    }

    private static String read(SmbFile f) {
        ByteBuf b = f.read(0, 4096);
        try {
            return b.toString(StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    @Test
    void kerberosReadsSysvolThroughTheDnsDomainName(AdDc dc) throws Exception {
        String name = placeInSysvol(dc, "", "sysvol by the DNS domain name\n");
        try (SmbClient client = client(dc, dc.dcName())) {
            Credentials alice = Credentials.kerberos(dc.principal(), dc.password().toCharArray());
            URI uri = URI.create("smb://" + dc.realm() + "/sysvol/" + dc.realm().toLowerCase() + "/" + name);
            try (SmbFile f = client.pool().open(uri, alice, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("sysvol by the DNS domain name\n");
                assertThat(f.tree().unc()).isEqualToIgnoringCase("\\\\" + dc.dcName() + "\\sysvol");
                assertThat(f.tree().session().connection().port()).isEqualTo(445);
                assertThat(AuthLog.mechanismOf(dc, f.tree().session().connection().localAddress().getPort())).isEqualTo("krb5");
            }
        }
    }

    /** README.md "Domain-based names": its block with CORP the NetBIOS domain, dc1 the fixture's DC and dc2 one that is down. */
    @Test
    void theReadmeExampleRuns(AdDc dc) throws Exception {
        String gpt = placeInSysvol(dc, "", "[General]\nVersion=1\n");
        char[] password = dc.password().toCharArray();
        String unc;
        String text;
        // ---- README.md "Domain-based names"
        SmbConfig config = SmbConfig.builder()
                .dfs(DfsPolicy.on().withDomainControllers(dc.dcName(), "127.0.0.90"))
                .build();
        try (SmbClient client = SmbClient.create(config)) {
            Credentials alice = Credentials.kerberos(dc.principal(), password);
            // CORP (NetBIOS) or corp.example (DNS): a domain, resolved through its DCs to \\dc1.corp.example\sysvol
            try (SmbFile f = client.open(URI.create("smb://" + dc.domain() + "/sysvol/smbco.test/" + gpt), alice, OpenOptions.read())) {
                System.out.println("opened on " + f.tree().unc());
                // ---- end of the README block
                unc = f.tree().unc();
                text = read(f);
            }
        }
        assertThat(unc).isEqualToIgnoringCase("\\\\DC1\\sysvol"); // the NetBIOS request is answered with the DC's NetBIOS name
        assertThat(text).isEqualTo("[General]\nVersion=1\n");
    }

    @Test
    void ntlmReadsSysvolAndNetlogonThroughTheNetbiosDomainName(AdDc dc) throws Exception {
        String inSysvol = placeInSysvol(dc, "", "sysvol by the NetBIOS domain name\n");
        String inNetlogon = placeInSysvol(dc, "scripts", "netlogon by the NetBIOS domain name\n");
        try (SmbClient client = client(dc, dc.host())) {
            Credentials bob = Credentials.ntlm(dc.user(), dc.password().toCharArray(), dc.domain());
            URI sysvol = URI.create("smb://" + dc.domain() + "/sysvol/" + dc.realm().toLowerCase() + "/" + inSysvol);
            try (SmbFile f = client.pool().open(sysvol, bob, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("sysvol by the NetBIOS domain name\n");
                assertThat(AuthLog.mechanismOf(dc, f.tree().session().connection().localAddress().getPort())).isEqualTo("NTLMSSP");
            }
            try (SmbFile f = client.pool().open(URI.create("smb://" + dc.domain() + "/netlogon/" + inNetlogon), bob, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("netlogon by the NetBIOS domain name\n");
                assertThat(f.tree().unc()).endsWithIgnoringCase("\\netlogon");
            }
        }
    }

    /**
     * The default policy names no DC: the domain's DNS name is connected to as a host, which in AD
     * resolves to a DC (here through {@link TestHosts}, as DNS would), and the DC serves its sysvol
     * itself. Its principal is not cifs/smbco.test: withTargetName names the DC's.
     */
    @Test
    void withoutDomainControllersTheDomainNameIsAHostByDns(AdDc dc) throws Exception {
        String name = placeInSysvol(dc, "", "the domain name as a host\n");
        TestHosts.map(dc.realm(), dc.host());
        try (SmbClient client = SmbClient.create(SmbConfig.builder().signing(SmbConfig.Policy.REQUIRED).build())) {
            Credentials alice = Credentials.kerberos(dc.principal(), dc.password().toCharArray()).withTargetName("cifs/" + dc.dcName());
            URI uri = URI.create("smb://" + dc.realm().toLowerCase() + "/sysvol/" + dc.realm().toLowerCase() + "/" + name);
            try (SmbFile f = client.pool().open(uri, alice, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("the domain name as a host\n");
                assertThat(f.tree().unc()).isEqualToIgnoringCase("\\\\" + dc.realm() + "\\sysvol"); // no referral: the DC itself
                assertThat(AuthLog.mechanismOf(dc, f.tree().session().connection().localAddress().getPort())).isEqualTo("krb5");
            }
        }
    }

    @Test
    void aTargetNameForTheDomainIsNotSentToTheDcsTheReferralsLeadTo(AdDc dc) throws Exception {
        String name = placeInSysvol(dc, "", "the DC's own principal\n");
        try (SmbClient client = client(dc, dc.dcName())) {
            // the override names a principal the KDC does not know: were it sent to dc1, the logon there would fail
            Credentials alice = Credentials.kerberos(dc.principal(), dc.password().toCharArray())
                    .withTargetName("cifs/nosuch." + dc.realm().toLowerCase());
            URI uri = URI.create("smb://" + dc.realm() + "/sysvol/" + dc.realm().toLowerCase() + "/" + name);
            try (SmbFile f = client.pool().open(uri, alice, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("the DC's own principal\n");
            }
        }
    }

    @Test
    void aDomainTheDcDoesNotKnowIsATypedErrorNamingIt(AdDc dc) {
        try (SmbClient client = client(dc, dc.dcName())) {
            Credentials bob = Credentials.ntlm(dc.user(), dc.password().toCharArray(), dc.domain());
            assertThatThrownBy(() -> client.pool().open(URI.create("smb://OTHER.INVALID/sysvol/x.txt"), bob, OpenOptions.read()))
                    .isInstanceOfSatisfying(SmbDfsException.class, e -> {
                        assertThat(e.step()).isEqualTo(SmbDfsException.Step.DOMAIN_REFERRAL);
                        assertThat(e.domain()).isEqualTo("OTHER.INVALID");
                        assertThat(e.getMessage()).contains("OTHER.INVALID", "is no domain the domain controllers");
                    });
        }
    }

    @Test
    void noDomainControllerAnsweringIsATypedErrorNamingTheStep(AdDc dc) {
        // nothing listens on 127.0.0.90:445
        try (SmbClient client = SmbClient.create(SmbConfig.builder().connectTimeout(Duration.ofSeconds(3))
                .dfs(DfsPolicy.on().withDomainControllers("127.0.0.90")).build())) {
            Credentials bob = Credentials.ntlm(dc.user(), dc.password().toCharArray(), dc.domain());
            assertThatThrownBy(() -> client.pool().open(URI.create("smb://" + dc.domain() + "/sysvol/x.txt"), bob, OpenOptions.read()))
                    .isInstanceOfSatisfying(SmbDfsException.class, e -> {
                        assertThat(e.step()).isEqualTo(SmbDfsException.Step.DOMAIN_REFERRAL);
                        assertThat(e.domain()).isEqualTo(dc.domain());
                        assertThat(e.getMessage()).contains("no domain controller answered the domain referral", "127.0.0.90");
                    });
        }
    }

    private static final int IOCTL = 0x000B;

    /** An FSCTL_DFS_GET_REFERRALS request (MS-SMB2 2.2.31: CtlCode at 64 + 4). */
    private static boolean isReferralRequest(byte[] frame) {
        return Frames.isSmb2(frame) && Frames.command(frame) == IOCTL && (frame[16] & 1) == 0 && frame.length >= 72
                && ByteBuffer.wrap(frame, 68, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0x00060194;
    }

    @Test
    void theDomainAndDcReferralsAreCachedForTheirTtl(AdDc dc) throws Exception {
        String a = placeInSysvol(dc, "", "a");
        String b = placeInSysvol(dc, "", "b");
        AtomicInteger referrals = new AtomicInteger();
        // the configured DC is reached through the proxy, which counts what is asked of it; the
        // SYSVOL referral goes to the DC the DC referral names (dc1.smbco.test:445), not through it
        try (FaultProxy proxy = FaultProxy.start(dc.address());
             SmbClient client = client(dc, proxy.host() + ":" + proxy.port())) {
            proxy.clientToServer().rewrite(DomainDfsTest::isReferralRequest, 0, frame -> {
                referrals.incrementAndGet();
                return frame;
            });
            Credentials bob = Credentials.ntlm(dc.user(), dc.password().toCharArray(), dc.domain());
            String sysvol = "smb://" + dc.realm() + "/sysvol/" + dc.realm().toLowerCase() + "/";
            try (SmbFile f = client.pool().open(URI.create(sysvol + a), bob, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("a");
            }
            assertThat(referrals).as("a domain referral and a DC referral").hasValue(2);
            try (SmbFile f = client.pool().open(URI.create(sysvol + b), bob, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("b");
            }
            assertThat(referrals).as("the cached domain list, DCs and SYSVOL referral serve the second open").hasValue(2);
            URI netbios = URI.create("smb://" + dc.domain() + "/sysvol/" + dc.realm().toLowerCase() + "/" + a);
            try (SmbFile f = client.pool().open(netbios, bob, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("a");
            }
            assertThat(referrals).as("the NetBIOS name needs its own DC referral, not another domain referral").hasValue(3);
        }
    }

    /**
     * A DC referral that arrives corrupted: the DC signs everything (signing is mandatory on a DC), so
     * the client sees a bad signature, not a malformed referral (the truncations of the DC's recorded
     * referrals are {@code DomainReferralsTest}'s); either way one typed error naming the domain and the
     * step, and the next open, on a new connection, succeeds.
     */
    @Test
    void aCorruptedDcReferralIsATypedErrorNamingTheDomainAndTheStep(AdDc dc) throws Exception {
        String name = placeInSysvol(dc, "", "after the bad DC referral");
        try (FaultProxy proxy = FaultProxy.start(dc.address());
             SmbClient client = client(dc, proxy.host() + ":" + proxy.port())) {
            // the second referral response (the DC referral): NumberOfReferrals made far too large
            proxy.serverToClient().rewrite(f -> Frames.isSmb2(f) && Frames.command(f) == IOCTL && Frames.status(f) == 0, 2, frame -> {
                int output = ByteBuffer.wrap(frame, 64 + 32, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] bad = frame.clone();
                bad[output + 2] = (byte) 0xFF;
                bad[output + 3] = (byte) 0x7F;
                return bad;
            });
            Credentials bob = Credentials.ntlm(dc.user(), dc.password().toCharArray(), dc.domain());
            URI uri = URI.create("smb://" + dc.realm() + "/sysvol/" + dc.realm().toLowerCase() + "/" + name);
            assertThatThrownBy(() -> client.pool().open(uri, bob, OpenOptions.read()))
                    .isInstanceOfSatisfying(SmbDfsException.class, e -> {
                        assertThat(e.step()).isEqualTo(SmbDfsException.Step.DC_REFERRAL);
                        assertThat(e.domain()).isEqualTo(dc.realm());
                        assertThat(e.getMessage()).contains("DC referral for domain " + dc.realm(), "bad signature");
                    });
            try (SmbFile f = client.pool().open(uri, bob, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("after the bad DC referral");
            }
        }
    }
}
