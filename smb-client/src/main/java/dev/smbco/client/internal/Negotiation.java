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
    private final UUID clientGuid;

    public Negotiation(SmbConfig config, String host) {
        this(config, host, UUID.randomUUID());
    }

    /**
     * @param clientGuid the connection's ClientGuid (MS-SMB2 3.2.4.2.2.2): the same on every
     *                   reconnection, since a server reopens a durable handle only for the client
     *                   that opened it (3.3.5.9.7 / 3.3.5.9.12)
     */
    public Negotiation(SmbConfig config, String host, UUID clientGuid) {
        this.config = config;
        this.host = host;
        this.clientGuid = clientGuid;
    }

    public NegotiateRequest request() {
        EnumSet<Dialect> offered = EnumSet.range(config.minDialect(), config.maxDialect());
        int securityMode = SecurityMode.SIGNING_ENABLED
                | (config.signing() == SmbConfig.Policy.REQUIRED ? SecurityMode.SIGNING_REQUIRED : 0);
        // MS-SMB2 2.2.3: capabilities are 0 unless a 3.x dialect is offered (NegotiateRequest.of
        // enforces it); a 2.1 server grants multi-credit from its own capability, not ours
        int capabilities = 0;
        if (config.maxDialect().isSmb3()) {
            capabilities |= Capabilities.LARGE_MTU;
        }
        if (config.maxDialect().isSmb3() && !config.ciphers().isEmpty()) {
            capabilities |= Capabilities.ENCRYPTION; // honest: only when we can encrypt at all
        }
        List<NegotiateContext> contexts = new ArrayList<>();
        if (offered.contains(Dialect.SMB3_11)) {
            byte[] salt = new byte[32];
            RANDOM.nextBytes(salt);
            contexts.add(new NegotiateContext.PreauthIntegrityCapabilities(
                    List.of(NegotiateContext.PreauthIntegrityCapabilities.SHA_512), salt));
            if (!config.ciphers().isEmpty()) {
                contexts.add(new NegotiateContext.EncryptionCapabilities(config.ciphers().stream().map(CipherId::wireId).toList()));
            }
            contexts.add(new NegotiateContext.SigningCapabilities(
                    config.signingAlgorithms().stream().map(SigningAlgorithm::wireId).toList()));
            contexts.add(new NegotiateContext.NetnameNegotiateContext(host));
        }
        return NegotiateRequest.of(offered, securityMode, capabilities, clientGuid, contexts);
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
            case SMB3_11 -> signingChoice(r);
        };
        CipherId cipher = null;
        if (dialect == Dialect.SMB3_11) {
            checkPreauth(r);
            cipher = cipherChoice(r);
        } else if (dialect.isSmb3() && (r.capabilities() & Capabilities.ENCRYPTION) != 0
                && config.ciphers().contains(CipherId.AES_128_CCM)) {
            cipher = CipherId.AES_128_CCM; // MS-SMB2 3.2.5.2: 3.0 and 3.0.2 know only AES-128-CCM
        }
        boolean signingRequired = (r.securityMode() & SecurityMode.SIGNING_REQUIRED) != 0;
        return new Negotiated(dialect, r.serverGuid(), r.capabilities(), signingRequired, maxRead, maxWrite, maxTransact,
                multiCredit, signing, cipher);
    }

    /** MS-SMB2 3.2.5.2: one preauth integrity context naming SHA-512, the only hash we offer. */
    private void checkPreauth(NegotiateResponse r) {
        NegotiateContext.PreauthIntegrityCapabilities p = r.context(NegotiateContext.PreauthIntegrityCapabilities.class)
                .orElseThrow(() -> new SmbProtocolException("NEGOTIATE " + host + ": 3.1.1 response without a preauth integrity context"));
        if (p.hashAlgorithms().size() != 1 || p.hashAlgorithms().get(0) != NegotiateContext.PreauthIntegrityCapabilities.SHA_512) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": server chose preauth hash algorithms " + hex(p.hashAlgorithms())
                    + ", but only SHA-512 (0x0001) was offered");
        }
    }

    /**
     * MS-SMB2 3.2.5.2: the server's SMB2_SIGNING_CAPABILITIES names one algorithm, which we must
     * have offered; without the context 3.1.1 signs with AES-CMAC.
     */
    private SigningAlgorithm signingChoice(NegotiateResponse r) {
        NegotiateContext.SigningCapabilities c = r.context(NegotiateContext.SigningCapabilities.class).orElse(null);
        if (c == null) {
            return SigningAlgorithm.AES_CMAC;
        }
        if (c.algorithms().size() != 1) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": signing capabilities context names " + c.algorithms().size()
                    + " algorithms " + hex(c.algorithms()) + "; a server must choose exactly one");
        }
        int id = c.algorithms().get(0);
        SigningAlgorithm a = knownSigning(id);
        if (a == null || !config.signingAlgorithms().contains(a)) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": server chose signing algorithm "
                    + (a == null ? "0x" + hex4(id) + " (unknown)" : a + " (0x" + hex4(id) + ")")
                    + ", which was not offered (offered " + config.signingAlgorithms() + ")");
        }
        return a;
    }

    /**
     * MS-SMB2 3.2.5.2: the server's SMB2_ENCRYPTION_CAPABILITIES names one cipher we offered, or 0
     * (no common cipher: the connection cannot encrypt).
     */
    private CipherId cipherChoice(NegotiateResponse r) {
        NegotiateContext.EncryptionCapabilities c = r.context(NegotiateContext.EncryptionCapabilities.class).orElse(null);
        if (c == null) {
            return null;
        }
        if (config.ciphers().isEmpty()) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": server sent an encryption capabilities context "
                    + hex(c.ciphers()) + " although we offered no cipher");
        }
        if (c.ciphers().size() != 1) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": encryption capabilities context names " + c.ciphers().size()
                    + " ciphers " + hex(c.ciphers()) + "; a server must choose exactly one");
        }
        int id = c.ciphers().get(0);
        if (id == 0) {
            return null;
        }
        CipherId cipher = CipherId.fromWireId(id);
        if (cipher == null) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": server chose unknown cipher id 0x" + hex4(id));
        }
        if (!config.ciphers().contains(cipher)) {
            throw new SmbProtocolException("NEGOTIATE " + host + ": server chose cipher " + cipher + " (0x" + hex4(id)
                    + "), which was not offered (offered " + config.ciphers() + ")");
        }
        return cipher;
    }

    private static SigningAlgorithm knownSigning(int id) {
        for (SigningAlgorithm a : SigningAlgorithm.values()) {
            if (a.wireId() == id) {
                return a;
            }
        }
        return null;
    }

    private static String hex4(int v) {
        return String.format("%04X", v);
    }

    private static String hex(List<Integer> ids) {
        return ids.stream().map(i -> "0x" + hex4(i)).toList().toString();
    }

    /** The server's unsigned 32-bit maximum, capped (never below 4 KiB, whatever a server claims). */
    private static int clamp(int serverMax, int cap) {
        long server = Integer.toUnsignedLong(serverMax);
        return (int) Math.max(4096, Math.min(server, cap));
    }
}
