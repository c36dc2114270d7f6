package dev.smbco.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.UseSamba;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each cipher and each signing algorithm forced through the client's preference lists and used
 * on real traffic; guest sessions and the client's signing policy.
 */
@ExtendWith(SambaExtension.class)
@UseSamba(variant = SambaVariant.DEFAULT, backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class AlgorithmsTest {

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void eachCipherEncryptsASession(CipherId cipher, SambaServer server) throws Exception {
        SmbConfig config = SmbConfig.builder().dialect(Dialect.SMB3_11).ciphers(cipher).encryption(SmbConfig.Policy.REQUIRED).build();
        try (Sec s = Sec.open(server, config)) {
            assertThat(s.conn.negotiated().cipher()).isEqualTo(cipher);
            assertThat(s.session.isEncrypted()).isTrue();
            SmbTree tree = s.session.treeConnect(server.share());
            Sec.writeReadListDelete(tree);
            Optional<String> line = witness(server, s);
            line.ifPresent(l -> assertThat(l).contains(DialectMatrixTest.sambaName(cipher)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"AES_GMAC", "AES_CMAC"})
    void eachSmb311SigningAlgorithmSigns(SigningAlgorithm algorithm, SambaServer server) throws Exception {
        SmbConfig config = SmbConfig.builder().dialect(Dialect.SMB3_11).signingAlgorithms(algorithm)
                .signing(SmbConfig.Policy.REQUIRED).build();
        try (Sec s = Sec.open(server, config)) {
            assertThat(s.conn.negotiated().signingAlgorithm()).isEqualTo(algorithm);
            assertThat(s.session.isSigned()).isTrue();
            Sec.writeReadListDelete(s.session.treeConnect(server.share()));
            witness(server, s).ifPresent(l -> assertThat(l).contains(DialectMatrixTest.sambaName(algorithm)));
        }
    }

    /**
     * Signed transfers of several 1 MiB READs and WRITEs: with AES-GMAC the WRITE data is
     * digested on the writing thread and READ bodies are checked off the event loop (see
     * MessageSigner.digestTail); with AES-CMAC everything is signed on the loop. Samba must accept
     * every WRITE's signature, we every READ's, and the bytes must come back unchanged.
     */
    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"AES_GMAC", "AES_CMAC"})
    void largeSignedTransfersRoundTrip(SigningAlgorithm algorithm, SambaServer server) throws Exception {
        SmbConfig config = SmbConfig.builder().dialect(Dialect.SMB3_11).signingAlgorithms(algorithm)
                .signing(SmbConfig.Policy.REQUIRED).maxIoSize(1 << 20).build();
        try (Sec s = Sec.open(server, config)) {
            assertThat(s.conn.negotiated().signingAlgorithm()).isEqualTo(algorithm);
            writeAndReadBackLarge(s, server, algorithm.ordinal());
        }
    }

    /** Writes 3 MiB and a bit in 1 MiB WRITEs, reads it back in 1 MiB READs, compares, deletes. */
    private static void writeAndReadBackLarge(Sec s, SambaServer server, int seed) {
        byte[] data = new byte[3 * (1 << 20) + 12_345 + seed];
        new Random(seed).nextBytes(data);
        SmbTree tree = s.session.treeConnect(server.share());
        String name = Sec.unique("large") + ".bin";
        try (SmbFile f = tree.open(name, OpenOptions.write())) {
            assertThat(f.write(0, data)).isEqualTo(data.length);
            ByteBuf back = f.read(0, data.length);
            try {
                assertThat(ByteBufUtil.getBytes(back)).isEqualTo(data);
            } finally {
                back.release();
            }
        }
        tree.delete(name);
        assertThat(s.conn.isOpen()).isTrue();
    }

    /**
     * Encrypted transfers of several 1 MiB READs and WRITEs with each cipher: the large READ
     * responses are decrypted off the event loop (TransformHandler.decryptOffLoop), with the
     * replay and session checks back on it. The bytes must come back unchanged.
     */
    @ParameterizedTest
    @EnumSource(CipherId.class)
    void largeEncryptedTransfersRoundTrip(CipherId cipher, SambaServer server) throws Exception {
        SmbConfig config = SmbConfig.builder().dialect(Dialect.SMB3_11).ciphers(cipher).encryption(SmbConfig.Policy.REQUIRED)
                .maxIoSize(1 << 20).build();
        try (Sec s = Sec.open(server, config)) {
            assertThat(s.conn.negotiated().cipher()).isEqualTo(cipher);
            writeAndReadBackLarge(s, server, 10 + cipher.ordinal());
        }
    }

    @Test
    void hmacSha256SignsSmb21(SambaServer server) throws Exception {
        SmbConfig config = SmbConfig.builder().dialect(Dialect.SMB2_10).signing(SmbConfig.Policy.REQUIRED).build();
        try (Sec s = Sec.open(server, config)) {
            assertThat(s.conn.negotiated().signingAlgorithm()).isEqualTo(SigningAlgorithm.HMAC_SHA256);
            assertThat(s.session.isSigned()).isTrue();
            Sec.writeReadListDelete(s.session.treeConnect(server.share()));
            witness(server, s).ifPresent(l -> assertThat(l).contains("HMAC-SHA256"));
        }
    }

    @Test
    void guestAccessToThePublicShareWorksWhenAllowed(SambaServer server) {
        try (SmbClient client = SmbClient.create()) {
            SmbConnection conn = client.connect(server.host(), server.port());
            SmbSession guest = conn.sessionSetup(Credentials.guest());
            assertThat(guest.isGuest()).isTrue();
            assertThat(guest.isSigned()).isFalse();
            Sec.writeReadListDelete(guest.treeConnect(server.publicShare()));
            conn.close();
        }
    }

    @Test
    void aClientThatRequiresSigningRefusesGuestAndAnonymousSessions(SambaServer server) {
        SmbConfig config = SmbConfig.builder().signing(SmbConfig.Policy.REQUIRED).build();
        try (SmbClient client = SmbClient.create(config)) {
            SmbConnection conn = client.connect(server.host(), server.port());
            assertThatThrownBy(() -> conn.sessionSetup(Credentials.guest()))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("guest session cannot sign, but the configuration requires it");
            assertThatThrownBy(() -> conn.sessionSetup(Credentials.anonymous()))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("anonymous session cannot sign");
            // the connection itself is fine: an authenticated session works on it
            assertThat(conn.sessionSetup(Sec.user(server)).isSigned()).isTrue();
            conn.close();
        }
    }

    private static Optional<String> witness(SambaServer server, Sec s) throws Exception {
        Optional<Path> conf = SmbStatus.conf(server);
        if (conf.isEmpty()) {
            return Optional.empty();
        }
        String line = SmbStatus.line(conf.get(), "-b", s.conn.localAddress().getPort())
                .orElseThrow(() -> new AssertionError("smbstatus -b does not list our connection"));
        System.out.println("smbstatus -b: " + line.strip());
        return Optional.of(line);
    }
}
