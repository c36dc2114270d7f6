package dev.smbco.protocol.auth;

import dev.smbco.protocol.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * MS-NLMP 3.1.5 client: builds NEGOTIATE_MESSAGE, answers a CHALLENGE_MESSAGE with an NTLMv2
 * AUTHENTICATE_MESSAGE (MIC, key exchange, AV pairs), and keeps the resulting keys. NTLMv2
 * only; anonymous (NULL session) has no responses and no session key.
 *
 * <p>Steps run in order: {@link #negotiate()}, then {@link #authenticate(byte[])}. Not thread-safe.
 */
public final class NtlmClient {
    private final NtlmCredentials credentials;
    private final NtlmConfig config;
    private byte[] negotiateMessage;
    private byte[] exportedSessionKey;
    private NtlmSealing sealing;
    private int negotiatedFlags;
    private boolean micSent;

    public NtlmClient(NtlmCredentials credentials, NtlmConfig config) {
        this.credentials = credentials;
        this.config = config;
    }

    /** The NEGOTIATE_MESSAGE (MS-NLMP 3.1.5.1.1). */
    public byte[] negotiate() {
        if (negotiateMessage != null) {
            throw new IllegalStateException("NEGOTIATE_MESSAGE already built");
        }
        int flags = config.negotiateFlags();
        if (credentials.isAnonymous()) {
            flags |= NtlmFlags.NEGOTIATE_ANONYMOUS;
        }
        negotiateMessage = new NtlmNegotiate(flags, "", "", config.version()).encode();
        return negotiateMessage.clone();
    }

    /**
     * The AUTHENTICATE_MESSAGE for a CHALLENGE_MESSAGE (MS-NLMP 3.1.5.1.2).
     *
     * @throws dev.smbco.protocol.SmbDecodeException if the challenge is malformed
     * @throws AuthProtocolException if the server lacks what NTLMv2 with session security needs
     */
    public byte[] authenticate(byte[] challengeMessage) {
        if (negotiateMessage == null || exportedSessionKey != null) {
            throw new IllegalStateException("authenticate() comes once, after negotiate()");
        }
        NtlmChallenge challenge = NtlmChallenge.decode(challengeMessage);
        int offered = challenge.flags();
        if ((offered & NtlmFlags.NEGOTIATE_UNICODE) == 0) {
            throw new AuthProtocolException("the server's NTLM CHALLENGE does not offer Unicode");
        }
        int flags = offered & (config.negotiateFlags() | NtlmFlags.NEGOTIATE_TARGET_INFO);
        NtlmVersion version = (flags & NtlmFlags.NEGOTIATE_VERSION) != 0 ? config.version() : null;
        if (credentials.isAnonymous()) {
            return anonymous(flags, version);
        }
        if ((flags & NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY) == 0) {
            throw new AuthProtocolException("the server's NTLM CHALLENGE lacks extended session security (NTLMv1-era server)");
        }
        if (challenge.targetInfo() == null) {
            throw new AuthProtocolException("the server's NTLM CHALLENGE has no TargetInfo, which NTLMv2 needs");
        }
        byte[] ntHash = NtlmCrypto.ntHash(credentials.password());
        byte[] responseKey = NtlmCrypto.ntowfv2(ntHash, credentials.user(), credentials.domain());
        Arrays.fill(ntHash, (byte) 0);

        byte[] clientChallenge = new byte[8];
        config.random().nextBytes(clientChallenge);
        Optional<Long> serverTime = challenge.targetInfo().timestamp();
        long time = serverTime.orElseGet(() -> FileTime.fromInstant(config.clock().instant()));
        boolean withMic = serverTime.isPresent();
        byte[] temp = NtlmCrypto.clientBlob(time, clientChallenge, clientPairs(challenge.targetInfo(), withMic), config.blobTrailer());
        byte[] serverChallenge = challenge.serverChallenge();
        byte[] ntProofStr = NtlmCrypto.ntProofStr(responseKey, serverChallenge, temp);
        byte[] ntResponse = concat(ntProofStr, temp);
        // MS-NLMP 3.1.5.1.2: with a server timestamp the LM response is Z(24)
        byte[] lmResponse = withMic ? new byte[24] : NtlmCrypto.lmv2Response(responseKey, serverChallenge, clientChallenge);
        byte[] keyExchangeKey = NtlmCrypto.sessionBaseKey(responseKey, ntProofStr);
        Arrays.fill(responseKey, (byte) 0);

        byte[] encryptedKey;
        if ((flags & NtlmFlags.NEGOTIATE_KEY_EXCH) != 0) {
            exportedSessionKey = new byte[16];
            config.random().nextBytes(exportedSessionKey);
            encryptedKey = NtlmCrypto.rc4(keyExchangeKey, exportedSessionKey);
            Arrays.fill(keyExchangeKey, (byte) 0);
        } else {
            exportedSessionKey = keyExchangeKey;
            encryptedKey = new byte[0];
        }
        NtlmAuthenticate message = new NtlmAuthenticate(flags, lmResponse, ntResponse, credentials.domain(), credentials.user(),
                config.workstation(), encryptedKey, version, withMic ? new byte[NtlmAuthenticate.MIC_LENGTH] : null);
        byte[] bytes = message.encode();
        if (withMic) {
            byte[] mic = NtlmCrypto.mic(exportedSessionKey, negotiateMessage, challengeMessage, bytes);
            System.arraycopy(mic, 0, bytes, NtlmAuthenticate.MIC_OFFSET, NtlmAuthenticate.MIC_LENGTH);
        }
        negotiatedFlags = flags;
        micSent = withMic;
        sealing = new NtlmSealing(exportedSessionKey, flags);
        return bytes;
    }

    private byte[] anonymous(int flags, NtlmVersion version) {
        negotiatedFlags = (flags | NtlmFlags.NEGOTIATE_ANONYMOUS) & ~NtlmFlags.NEGOTIATE_KEY_EXCH;
        exportedSessionKey = new byte[0];
        // MS-NLMP 3.1.5.1.2 anonymous: NtChallengeResponse empty, LmChallengeResponse Z(1)
        return new NtlmAuthenticate(negotiatedFlags, new byte[1], new byte[0], "", "", config.workstation(), new byte[0], version, null)
                .encode();
    }

    /**
     * MS-NLMP 3.1.5.1.2: the server's pairs, then MsvAvFlags (MIC present), MsvAvSingleHost (if
     * configured), MsvAvChannelBindings (zero hash when none), MsvAvTargetName (if configured).
     */
    private List<AvPair> clientPairList(TargetInfo server, boolean withMic) {
        List<AvPair> pairs = new ArrayList<>();
        int avFlags = 0;
        for (AvPair p : server.pairs()) {
            switch (p.id()) {
                case AvPair.MSV_AV_FLAGS -> avFlags |= (int) p.longValue();
                case AvPair.MSV_AV_TARGET_NAME, AvPair.MSV_AV_CHANNEL_BINDINGS, AvPair.MSV_AV_SINGLE_HOST -> { }
                default -> pairs.add(p);
            }
        }
        if (withMic) {
            avFlags |= AvPair.AV_FLAG_MIC_PRESENT;
        }
        if (avFlags != 0) {
            pairs.add(AvPair.ofInt(AvPair.MSV_AV_FLAGS, avFlags));
        }
        if (config.singleHost() != null) {
            pairs.add(new AvPair(AvPair.MSV_AV_SINGLE_HOST, config.singleHost()));
        }
        byte[] bindings = config.channelBindings();
        pairs.add(new AvPair(AvPair.MSV_AV_CHANNEL_BINDINGS, bindings == null ? new byte[16] : bindings));
        if (config.targetName() != null) {
            pairs.add(AvPair.ofString(AvPair.MSV_AV_TARGET_NAME, config.targetName()));
        }
        return pairs;
    }

    private TargetInfo clientPairs(TargetInfo server, boolean withMic) {
        return new TargetInfo(clientPairList(server, withMic));
    }

    /** The exported session key (the SMB session key): 16 bytes, or empty for anonymous. A copy. */
    public byte[] exportedSessionKey() {
        if (exportedSessionKey == null) {
            throw new IllegalStateException("no session key before authenticate()");
        }
        return exportedSessionKey.clone();
    }

    /** NegotiateFlags as sent in AUTHENTICATE_MESSAGE. */
    public int negotiatedFlags() {
        return negotiatedFlags;
    }

    /** Whether the AUTHENTICATE_MESSAGE carried a MIC. */
    public boolean micSent() {
        return micSent;
    }

    /** Session security for GSS_GetMIC / mechListMIC; null for anonymous or before authenticate(). */
    NtlmSealing sealing() {
        return sealing;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
