package dev.smbco.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Negotiated;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import dev.smbco.protocol.smb2.Capabilities;
import dev.smbco.protocol.smb2.NegotiateContext;
import dev.smbco.protocol.smb2.NegotiateRequest;
import dev.smbco.protocol.smb2.NegotiateResponse;
import dev.smbco.protocol.smb2.SecurityMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** MS-SMB2 3.2.5.2: what the client offers, and the server's choices it accepts or refuses. */
class NegotiationChoiceTest {
    private static final UUID GUID = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private static NegotiateResponse response(int dialect, int caps, List<NegotiateContext> extra) {
        List<NegotiateContext> contexts = new ArrayList<>();
        if (dialect == 0x0311) {
            contexts.add(new NegotiateContext.PreauthIntegrityCapabilities(List.of(NegotiateContext.PreauthIntegrityCapabilities.SHA_512),
                    new byte[32]));
        }
        contexts.addAll(extra);
        return new NegotiateResponse(SecurityMode.SIGNING_ENABLED, dialect, GUID, caps, 1 << 20, 1 << 20, 1 << 20, 0, 0, new byte[0], contexts);
    }

    private static Negotiated choose(SmbConfig config, NegotiateResponse r) {
        return new Negotiation(config, "srv").result(r);
    }

    @Test
    void offersTheConfiguredCiphersAndSigningAlgorithmsInOrder() {
        SmbConfig config = SmbConfig.builder().ciphers(CipherId.AES_256_GCM, CipherId.AES_128_CCM)
                .signingAlgorithms(SigningAlgorithm.AES_CMAC).build();
        NegotiateRequest req = new Negotiation(config, "srv").request();
        assertThat(req.contexts()).contains(new NegotiateContext.EncryptionCapabilities(List.of(4, 1)))
                .contains(new NegotiateContext.SigningCapabilities(List.of(1)));
        assertThat(req.capabilities() & Capabilities.ENCRYPTION).isNotZero();
    }

    @Test
    void withoutCiphersNoEncryptionIsAdvertised() {
        NegotiateRequest req = new Negotiation(SmbConfig.builder().ciphers().build(), "srv").request();
        assertThat(req.capabilities() & Capabilities.ENCRYPTION).isZero();
        assertThat(req.contexts()).noneMatch(c -> c instanceof NegotiateContext.EncryptionCapabilities);
    }

    @Test
    void acceptsAnOfferedChoice() {
        Negotiated n = choose(SmbConfig.defaults(), response(0x0311, 0, List.of(
                new NegotiateContext.EncryptionCapabilities(List.of(CipherId.AES_256_CCM.wireId())),
                new NegotiateContext.SigningCapabilities(List.of(SigningAlgorithm.AES_CMAC.wireId())))));
        assertThat(n.cipher()).isEqualTo(CipherId.AES_256_CCM);
        assertThat(n.signingAlgorithm()).isEqualTo(SigningAlgorithm.AES_CMAC);
    }

    @Test
    void aCipherWeDidNotOfferIsRefusedByName() {
        SmbConfig config = SmbConfig.builder().ciphers(CipherId.AES_128_GCM).build();
        assertThatThrownBy(() -> choose(config, response(0x0311, 0, List.of(
                new NegotiateContext.EncryptionCapabilities(List.of(CipherId.AES_256_GCM.wireId()))))))
                .isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("cipher AES_256_GCM (0x0004), which was not offered");
    }

    @Test
    void anUnknownCipherIdIsRefused() {
        assertThatThrownBy(() -> choose(SmbConfig.defaults(), response(0x0311, 0, List.of(
                new NegotiateContext.EncryptionCapabilities(List.of(0x0009))))))
                .isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("unknown cipher id 0x0009");
    }

    @Test
    void twoCiphersInTheAnswerAreRefused() {
        assertThatThrownBy(() -> choose(SmbConfig.defaults(), response(0x0311, 0, List.of(
                new NegotiateContext.EncryptionCapabilities(List.of(1, 2))))))
                .isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("must choose exactly one");
    }

    @Test
    void noCommonCipherMeansNoEncryption() {
        Negotiated n = choose(SmbConfig.defaults(), response(0x0311, 0, List.of(new NegotiateContext.EncryptionCapabilities(List.of(0)))));
        assertThat(n.cipher()).isNull();
    }

    @Test
    void aSigningAlgorithmWeDidNotOfferIsRefused() {
        SmbConfig config = SmbConfig.builder().signingAlgorithms(SigningAlgorithm.AES_CMAC).build();
        assertThatThrownBy(() -> choose(config, response(0x0311, 0, List.of(
                new NegotiateContext.SigningCapabilities(List.of(SigningAlgorithm.AES_GMAC.wireId()))))))
                .isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("signing algorithm AES_GMAC (0x0002), which was not offered");
        assertThatThrownBy(() -> choose(SmbConfig.defaults(), response(0x0311, 0, List.of(
                new NegotiateContext.SigningCapabilities(List.of(0x0000))))))
                .isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("HMAC_SHA256 (0x0000), which was not offered");
    }

    @Test
    void aPreauthHashWeDidNotOfferIsRefused() {
        NegotiateResponse r = new NegotiateResponse(0, 0x0311, GUID, 0, 1 << 20, 1 << 20, 1 << 20, 0, 0, new byte[0],
                List.of(new NegotiateContext.PreauthIntegrityCapabilities(List.of(0x0002), new byte[32])));
        assertThatThrownBy(() -> choose(SmbConfig.defaults(), r))
                .isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("preauth hash");
    }

    @Test
    void smb30UsesAes128CcmOnlyWhenConfigured() {
        NegotiateResponse r = response(0x0300, Capabilities.ENCRYPTION, List.of());
        assertThat(choose(SmbConfig.defaults(), r).cipher()).isEqualTo(CipherId.AES_128_CCM);
        assertThat(choose(SmbConfig.builder().ciphers(CipherId.AES_128_GCM).build(), r).cipher()).isNull();
    }

    @Test
    void aDialectOutsideTheRangeIsRefused() {
        SmbConfig config = SmbConfig.builder().minDialect(Dialect.SMB3_00).build();
        assertThatThrownBy(() -> choose(config, response(0x0210, 0, List.of())))
                .isInstanceOf(SmbProtocolException.class)
                .hasMessageContaining("outside the offered");
    }

    @Test
    void configRefusesHmacFor311AndEncryptionWithoutCiphers() {
        assertThatThrownBy(() -> SmbConfig.builder().signingAlgorithms(SigningAlgorithm.HMAC_SHA256).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmbConfig.builder().ciphers().encryption(SmbConfig.Policy.REQUIRED).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
