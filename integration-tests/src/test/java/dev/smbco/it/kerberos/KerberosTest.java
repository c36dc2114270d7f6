package dev.smbco.it.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirEntry;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Dialect;
import dev.smbco.testserver.AdDc;
import dev.smbco.testserver.AdDcExtension;
import io.netty.buffer.ByteBuf;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kerberos logons against a real Samba AD DC (one per test run, {@link AdDcExtension}): the
 * ticket comes from its KDC, the SMB session from its smbd, and the DC's authentication audit log
 * is the independent witness that the session was Kerberos ({@code [SMB2,krb5]}), not NTLM.
 */
@ExtendWith(AdDcExtension.class)
class KerberosTest {

    private static SmbConfig config(Dialect dialect, SmbConfig.Policy encryption) {
        return SmbConfig.builder().dialect(dialect).signing(SmbConfig.Policy.REQUIRED).encryption(encryption)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static Credentials kerberos(AdDc dc) {
        return Credentials.kerberos(dc.principal(), dc.password().toCharArray()).withTargetName("cifs/" + dc.dcName());
    }

    @Test
    void kerberosOn311WithSigningRequired(AdDc dc) throws Exception {
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            SmbSession session = conn.sessionSetup(kerberos(dc));
            assertThat(session.isSigned()).isTrue();
            SmbTree tree = session.treeConnect(AdDc.SHARE);
            roundTrip(tree);
            assertThat(AuthLog.mechanismOf(dc, conn.localAddress().getPort())).isEqualTo("krb5");
            // MS-SMB2 3.2.4.2.3: a fresh AP-REQ on the same session; its keys stay, so signed traffic goes on
            session.reauthenticate();
            roundTrip(tree);
        }
    }

    @Test
    void kerberosOn21WithSigningRequired(AdDc dc) throws Exception {
        try (SmbClient client = SmbClient.create(config(Dialect.SMB2_10, SmbConfig.Policy.AUTO))) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            SmbSession session = conn.sessionSetup(kerberos(dc));
            assertThat(session.isSigned()).isTrue();
            roundTrip(session.treeConnect(AdDc.SHARE));
            assertThat(AuthLog.mechanismOf(dc, conn.localAddress().getPort())).isEqualTo("krb5");
        }
    }

    @Test
    void kerberosWithEncryptionOn311(AdDc dc) throws Exception {
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.REQUIRED))) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            SmbSession session = conn.sessionSetup(kerberos(dc));
            assertThat(session.isEncrypted()).isTrue();
            roundTrip(session.treeConnect(AdDc.ENCRYPTED_SHARE));
            assertThat(AuthLog.mechanismOf(dc, conn.localAddress().getPort())).isEqualTo("krb5");
        }
    }

    @Test
    void theDefaultTargetIsCifsSlashTheHostConnectedTo(AdDc dc) {
        // cifs/<address> is registered on the DC's account: no override needed
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbSession session = client.connect(dc.host(), dc.port())
                    .sessionSetup(Credentials.kerberos(dc.principal(), dc.password().toCharArray()));
            roundTrip(session.treeConnect(AdDc.SHARE));
        }
    }

    @Test
    void aSubjectTheApplicationLoggedOnIsUsedAsItIs(AdDc dc) throws Exception {
        Subject subject = jaasLogin(dc.principal(), dc.password());
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbSession session = client.connect(dc.host(), dc.port())
                    .sessionSetup(Credentials.kerberos(subject).withTargetName("cifs/" + dc.dcName()));
            roundTrip(session.treeConnect(AdDc.SHARE));
        }
    }

    @Test
    void aWrongPasswordIsOneAuthenticationErrorNamingIt(AdDc dc) {
        String wrong = "Not-The-Passw0rd-" + UUID.randomUUID();
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            assertThatThrownBy(() -> conn.sessionSetup(Credentials.kerberos(dc.principal(), wrong.toCharArray())))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("wrong password")
                    .hasMessageContaining("KDC_ERR_PREAUTH_FAILED")
                    .hasMessageContaining(dc.principal())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(wrong));
        }
    }

    @Test
    void anUnknownPrincipalIsOneAuthenticationErrorNamingIt(AdDc dc) {
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            assertThatThrownBy(() -> conn.sessionSetup(Credentials.kerberos("nobody-" + UUID.randomUUID().toString().substring(0, 8)
                    + "@" + dc.realm(), dc.password().toCharArray())))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("unknown principal")
                    .hasMessageContaining("KDC_ERR_C_PRINCIPAL_UNKNOWN");
        }
    }

    @Test
    void anUnknownServerPrincipalIsNamedToo(AdDc dc) {
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            assertThatThrownBy(() -> conn.sessionSetup(kerberos(dc).withTargetName("cifs/no-such-server." + dc.realm().toLowerCase())))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("KDC_ERR_S_PRINCIPAL_UNKNOWN");
        }
    }

    @Test
    void aKdcThatIsNotThereIsOneError(AdDc dc) {
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            assertThatThrownBy(() -> conn.sessionSetup(Credentials.kerberos(dc.user() + "@" + dc.unreachableRealm(),
                    dc.password().toCharArray())))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("KDC is unreachable");
        }
    }

    @Test
    void aKdcThatDoesNotAnswerIsABoundedWaitAndOneError(AdDc dc) throws Exception {
        // something takes the KDC's datagrams and connections and never answers
        InetSocketAddress kdc = dc.unreachableKdc();
        SmbConfig config = SmbConfig.builder().connectTimeout(Duration.ofSeconds(2)).build();
        try (DatagramSocket udp = new DatagramSocket(kdc); ServerSocket tcp = new ServerSocket(kdc.getPort(), 50, kdc.getAddress());
             SmbClient client = SmbClient.create(config)) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            assertThatThrownBy(() -> conn.sessionSetup(Credentials.kerberos(dc.user() + "@" + dc.unreachableRealm(),
                    dc.password().toCharArray())))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("the KDC did not answer within 2000 ms");
        }
    }

    @Test
    void aMissingKrb5ConfIsOneErrorBeforeAnyKdcTraffic(AdDc dc) {
        String before = System.getProperty("java.security.krb5.conf");
        System.setProperty("java.security.krb5.conf", "/nonexistent/smbco-krb5.conf");
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbConnection conn = client.connect(dc.host(), dc.port());
            assertThatThrownBy(() -> conn.sessionSetup(kerberos(dc)))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("no krb5.conf")
                    .hasMessageContaining("/nonexistent/smbco-krb5.conf");
        } finally {
            System.setProperty("java.security.krb5.conf", before);
        }
    }

    @Test
    void ntlmFallbackOnlyWhenAllowed(AdDc dc) throws Exception {
        // Kerberos cannot get a ticket for this target; the fallback logs on with NTLM as user@REALM
        Credentials noTicket = kerberos(dc).withTargetName("cifs/not-registered." + dc.realm().toLowerCase());
        try (SmbClient client = SmbClient.create(config(Dialect.SMB3_11, SmbConfig.Policy.AUTO))) {
            SmbConnection refused = client.connect(dc.host(), dc.port());
            assertThatThrownBy(() -> refused.sessionSetup(noTicket)).isInstanceOf(SmbAuthenticationException.class);

            SmbConnection conn = client.connect(dc.host(), dc.port());
            SmbSession session = conn.sessionSetup(noTicket.withNtlmFallback());
            roundTrip(session.treeConnect(AdDc.SHARE));
            assertThat(AuthLog.mechanismOf(dc, conn.localAddress().getPort())).isEqualTo("NTLMSSP");
        }
    }

    /** Write, read back, list, delete: real signed or sealed traffic under the Kerberos session key. */
    static void roundTrip(SmbTree tree) {
        String name = "krb-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        byte[] data = ("kerberos round trip over " + tree).getBytes(StandardCharsets.UTF_8);
        try (SmbFile f = tree.open(name, OpenOptions.write())) {
            f.write(0, data);
            ByteBuf back = f.read(0, 4096);
            try {
                byte[] got = new byte[back.readableBytes()];
                back.readBytes(got);
                assertThat(got).isEqualTo(data);
            } finally {
                back.release();
            }
        }
        assertThat(tree.list("").stream().map(DirEntry::name).toList()).contains(name);
        tree.delete(name);
    }

    /** What an application does to hold a Subject: a JAAS logon with the JDK's Krb5LoginModule. */
    private static Subject jaasLogin(String principal, String password) throws Exception {
        Configuration conf = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {new AppConfigurationEntry("com.sun.security.auth.module.Krb5LoginModule",
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("principal", principal, "isInitiator", "true"))};
            }
        };
        LoginContext lc = new LoginContext("test", new Subject(), callbacks -> {
            for (var c : callbacks) {
                if (c instanceof NameCallback n) {
                    n.setName(principal);
                } else if (c instanceof PasswordCallback p) {
                    p.setPassword(password.toCharArray());
                }
            }
        }, conf);
        lc.login();
        return lc.getSubject();
    }
}
