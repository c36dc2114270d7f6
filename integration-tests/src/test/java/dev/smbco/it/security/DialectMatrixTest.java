package dev.smbco.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.Negotiated;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.UseSamba;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every dialect × {server signing enabled, server signing required} × {share, encrypted share
 * where the dialect can encrypt}: connect, write, read back, list, delete, and check what was
 * negotiated — on our side, and (local smbd) on Samba's side through {@code smbstatus}.
 * One connection and session per dialect and server; both shares on it.
 */
@ExtendWith(SambaExtension.class)
class DialectMatrixTest {

    @ParameterizedTest(name = "{0} signing enabled")
    @EnumSource(Dialect.class)
    @UseSamba(variant = SambaVariant.DEFAULT, backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
    void signingEnabledServer(Dialect dialect, SambaServer server) throws Exception {
        cell(dialect, server);
    }

    @ParameterizedTest(name = "{0} signing required")
    @EnumSource(Dialect.class)
    @UseSamba(variant = SambaVariant.SIGNING_REQUIRED, backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
    void signingRequiredServer(Dialect dialect, SambaServer server) throws Exception {
        cell(dialect, server);
    }

    private static void cell(Dialect dialect, SambaServer server) throws Exception {
        boolean serverRequires = server.variant().signingRequired();
        try (Sec s = Sec.open(server, SmbConfig.builder().dialect(dialect).build())) {
            Negotiated n = s.conn.negotiated();
            assertThat(n.dialect()).isEqualTo(dialect);
            assertThat(n.signingRequired()).isEqualTo(serverRequires);
            assertThat(n.signingAlgorithm()).isEqualTo(expectedSigning(dialect));
            assertThat(n.cipher()).isEqualTo(expectedCipher(dialect));
            assertThat(s.session.isGuest()).isFalse();
            assertThat(s.session.isSigned()).isEqualTo(serverRequires);
            assertThat(s.session.isEncrypted()).isFalse();

            SmbTree plain = s.session.treeConnect(server.share());
            assertThat(plain.isEncrypted()).isFalse();
            Sec.writeReadListDelete(plain);
            witness(server, s, dialect, serverRequires, false);

            if (dialect.isSmb3()) {
                SmbTree enc = s.session.treeConnect(server.encryptedShare());
                assertThat(enc.isEncrypted()).isTrue();
                Sec.writeReadListDelete(enc);
                witness(server, s, dialect, serverRequires, true);
            }
        }
    }

    /** Samba's side of the same connection (local smbd only, {@code smbstatus -b}): protocol, encryption and signing columns. */
    private static void witness(SambaServer server, Sec s, Dialect dialect, boolean serverRequires, boolean encShare) throws Exception {
        Optional<Path> conf = SmbStatus.conf(server);
        if (conf.isEmpty()) {
            return; // a container or external server: our side's assertions stand alone
        }
        int port = s.conn.localAddress().getPort();
        String session = SmbStatus.line(conf.get(), "-b", port).orElseThrow(
                () -> new AssertionError("smbstatus -b does not list our connection from port " + port));
        System.out.println("smbstatus -b " + dialect + (serverRequires ? " signing required" : "") + ": " + session.strip());
        assertThat(session).contains(SmbStatus.protocolName(dialect));
        if (serverRequires) {
            assertThat(session).contains(sambaName(expectedSigning(dialect)));
        }
        // the Encryption column: "-" until a tree encrypts, then e.g. "partial(AES-128-GCM)" (tree-level, not the whole session)
        if (encShare) {
            assertThat(session).contains("partial(" + sambaName(expectedCipher(dialect)) + ")");
        } else {
            assertThat(session).containsPattern(SmbStatus.protocolName(dialect) + "\\s+-\\s");
        }
    }

    static SigningAlgorithm expectedSigning(Dialect d) {
        return switch (d) {
            case SMB2_02, SMB2_10 -> SigningAlgorithm.HMAC_SHA256;
            case SMB3_00, SMB3_02 -> SigningAlgorithm.AES_CMAC;
            case SMB3_11 -> SigningAlgorithm.AES_GMAC; // our default preference, Samba 4.17 agrees
        };
    }

    static CipherId expectedCipher(Dialect d) {
        return switch (d) {
            case SMB2_02, SMB2_10 -> null;
            case SMB3_00, SMB3_02 -> CipherId.AES_128_CCM;
            case SMB3_11 -> CipherId.AES_128_GCM; // our default preference: GCM first
        };
    }

    /** How smbstatus spells an algorithm. */
    static String sambaName(SigningAlgorithm a) {
        return switch (a) {
            case HMAC_SHA256 -> "HMAC-SHA256";
            case AES_CMAC -> "AES-128-CMAC";
            case AES_GMAC -> "AES-128-GMAC";
        };
    }

    static String sambaName(CipherId c) {
        return c.name().replace('_', '-');
    }
}
