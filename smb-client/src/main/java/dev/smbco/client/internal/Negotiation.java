package dev.smbco.client.internal;

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
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * MS-SMB2 3.2.4.2.2.2 (building NEGOTIATE) and 3.2.5.2 (reading its response): which dialects,
 * security mode, capabilities and 3.1.1 negotiate contexts to offer, and what was agreed.
 */
public final class Negotiation {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SMALL_MTU = 65536;

    private final SmbConfig config;
    private final String host;

    public Negotiation(SmbConfig config, String host) {
        this.config = config;
        this.host = host;
    }

    public NegotiateRequest request() {
        EnumSet<Dialect> offered = EnumSet.range(config.minDialect(), config.maxDialect());
        int securityMode = SecurityMode.SIGNING_ENABLED
                | (config.signing() == SmbConfig.Policy.REQUIRED ? SecurityMode.SIGNING_REQUIRED : 0);
        // MS-SMB2 2.2.3: capabilities are 0 unless a 3.x dialect is offered; LARGE_MTU is harmless from 2.1 on
        int capabilities = 0;
        if (config.maxDialect().compareTo(Dialect.SMB2_10) >= 0) {
            capabilities |= Capabilities.LARGE_MTU;
        }
        if (config.maxDialect().isSmb3()) {
            capabilities |= Capabilities.ENCRYPTION;
        }
        List<NegotiateContext> contexts = new ArrayList<>();
        if (offered.contains(Dialect.SMB3_11)) {
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            contexts.add(new NegotiateContext.PreauthIntegrityCapabilities(
                    List.of(NegotiateContext.PreauthIntegrityCapabilities.SHA_512), salt));
            contexts.add(new NegotiateContext.EncryptionCapabilities(List.of(
                    CipherId.AES_128_GCM.wireId(), CipherId.AES_128_CCM.wireId(),
                    CipherId.AES_256_GCM.wireId(), CipherId.AES_256_CCM.wireId())));
            contexts.add(new NegotiateContext.SigningCapabilities(List.of(
                    SigningAlgorithm.AES_GMAC.wireId(), SigningAlgorithm.AES_CMAC.wireId())));
            contexts.add(new NegotiateContext.NetnameNegotiateContext(host));
        }
        return NegotiateRequest.of(offered, securityMode, capabilities, UUID.randomUUID(), contexts);
    }

    /** Interprets the response; a dialect we did not offer is a protocol error. */
    public Negotiated result(NegotiateResponse r) {
        if (r.dialectRevision() == Dialect.WILDCARD_REVISION) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": server answered the SMB2 wildcard dialect 0x02FF to an SMB2 negotiate");
        }
        Dialect dialect;
        try {
            dialect = Dialect.fromRevision(r.dialectRevision());
        } catch (RuntimeException e) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": server chose dialect 0x"
                    + Integer.toHexString(r.dialectRevision()) + ", which was not offered");
        }
        if (dialect.compareTo(config.minDialect()) < 0 || dialect.compareTo(config.maxDialect()) > 0) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": server chose " + dialect.version()
                    + " outside the offered " + config.minDialect().version() + ".." + config.maxDialect().version());
        }
        boolean multiCredit = dialect.compareTo(Dialect.SMB2_10) >= 0 && (r.capabilities() & Capabilities.LARGE_MTU) != 0;
        int cap = multiCredit ? config.maxIoSize() : SMALL_MTU;
        int maxRead = clamp(r.maxReadSize(), cap);
        int maxWrite = clamp(r.maxWriteSize(), cap);
        int maxTransact = clamp(r.maxTransactSize(), cap);

        SigningAlgorithm signing = switch (dialect) {
            case SMB2_02, SMB2_10 -> SigningAlgorithm.HMAC_SHA256;
            case SMB3_00, SMB3_02 -> SigningAlgorithm.AES_CMAC;
            case SMB3_11 -> r.context(NegotiateContext.SigningCapabilities.class)
                    .filter(c -> !c.algorithms().isEmpty())
                    .map(c -> SigningAlgorithm.fromWireId(c.algorithms().get(0)))
                    .orElse(SigningAlgorithm.AES_CMAC);
        };
        CipherId cipher = null;
        if (dialect == Dialect.SMB3_11) {
            if (r.context(NegotiateContext.PreauthIntegrityCapabilities.class).isEmpty()) {
                throw new SmbProtocolException("NEGOTIATE " + host + ": 3.1.1 response without a preauth integrity context");
            }
            cipher = r.context(NegotiateContext.EncryptionCapabilities.class)
                    .filter(c -> !c.ciphers().isEmpty() && c.ciphers().get(0) != 0)
                    .map(c -> CipherId.fromWireId(c.ciphers().get(0)))
                    .orElse(null);
        } else if (dialect.isSmb3() && (r.capabilities() & Capabilities.ENCRYPTION) != 0) {
            cipher = CipherId.AES_128_CCM;
        }
        boolean signingRequired = (r.securityMode() & SecurityMode.SIGNING_REQUIRED) != 0;
        return new Negotiated(dialect, r.serverGuid(), r.capabilities(), signingRequired, maxRead, maxWrite, maxTransact,
                multiCredit, signing, cipher);
    }

    /** The server's unsigned 32-bit maximum, capped (never below 4 KiB, whatever a server claims). */
    private static int clamp(int serverMax, int cap) {
        long server = Integer.toUnsignedLong(serverMax);
        return (int) Math.max(4096, Math.min(server, cap));
    }
}
