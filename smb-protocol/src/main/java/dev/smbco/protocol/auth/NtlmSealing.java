package dev.smbco.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.engines.RC4Engine;

/**
 * MS-NLMP 3.4 session security with extended session security (ESS): SIGNKEY/SEALKEY (3.4.5.2,
 * 3.4.5.3), GSS_GetMIC (3.4.3) and GSS_WrapEx (3.4.3); the SPNEGO mechListMIC is a GSS_GetMIC
 * with sequence number 0. One instance per authenticated context: it keeps both RC4 handles and
 * sequence numbers, so it is not thread-safe.
 */
final class NtlmSealing {
    private static final byte[] C2S_SIGN = magic("session key to client-to-server signing key magic constant");
    private static final byte[] C2S_SEAL = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] S2C_SIGN = magic("session key to server-to-client signing key magic constant");
    private static final byte[] S2C_SEAL = magic("session key to server-to-client sealing key magic constant");

    private final boolean keyExchange;
    private final Direction outgoing;
    private final Direction incoming;

    /** One direction's keys, RC4 handle and sequence number. */
    static final class Direction {
        final byte[] signingKey;
        final byte[] sealingKey;
        final RC4Engine handle;
        int sequence;

        Direction(byte[] signingKey, byte[] sealingKey) {
            this.signingKey = signingKey;
            this.sealingKey = sealingKey;
            this.handle = NtlmCrypto.rc4Init(sealingKey);
        }
    }

    /**
     * Keys for the client side.
     *
     * @param exportedSessionKey the exported session key
     * @param flags              the negotiated flags (128/56 choose the sealing key length, KEY_EXCH
     *                           whether the checksum is RC4-encrypted); ESS must be among them
     */
    NtlmSealing(byte[] exportedSessionKey, int flags) {
        if ((flags & NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY) == 0) {
            throw new IllegalArgumentException("only extended session security is supported");
        }
        this.keyExchange = (flags & NtlmFlags.NEGOTIATE_KEY_EXCH) != 0;
        this.outgoing = new Direction(signKey(exportedSessionKey, true), sealKey(exportedSessionKey, flags, true));
        this.incoming = new Direction(signKey(exportedSessionKey, false), sealKey(exportedSessionKey, flags, false));
    }

    /** SIGNKEY (3.4.5.2) = MD5(ExportedSessionKey || magic constant). */
    static byte[] signKey(byte[] exportedSessionKey, boolean clientToServer) {
        return NtlmCrypto.md5(exportedSessionKey, clientToServer ? C2S_SIGN : S2C_SIGN);
    }

    /** SEALKEY (3.4.5.3) with ESS: MD5(first 16, 7 or 5 bytes of the key per NEGOTIATE_128/56 || magic constant). */
    static byte[] sealKey(byte[] exportedSessionKey, int flags, boolean clientToServer) {
        int length = (flags & NtlmFlags.NEGOTIATE_128) != 0 ? 16 : (flags & NtlmFlags.NEGOTIATE_56) != 0 ? 7 : 5;
        return NtlmCrypto.md5(Arrays.copyOf(exportedSessionKey, length), clientToServer ? C2S_SEAL : S2C_SEAL);
    }

    Direction outgoing() {
        return outgoing;
    }

    Direction incoming() {
        return incoming;
    }

    /** GSS_GetMIC for a message we send (client to server). */
    byte[] getMic(byte[] message) {
        return signature(outgoing, message);
    }

    /** Verifies a GSS_GetMIC signature the server made, in constant time (moves the incoming sequence on). */
    boolean verifyMic(byte[] message, byte[] signature) {
        return MessageDigest.isEqual(signature(incoming, message), signature);
    }

    /** GSS_WrapEx for a message we send: [sealed message, signature]. */
    byte[][] wrap(byte[] message) {
        byte[] sealed = NtlmCrypto.rc4(outgoing.handle, message);
        return new byte[][] {sealed, signature(outgoing, message)};
    }

    /**
     * MAC (3.4.4.2, with ESS): Version 1 || checksum (8) || SeqNum (4), checksum =
     * HMAC_MD5(SigningKey, SeqNum || Message)[0..7], RC4-encrypted with the direction's handle
     * when key exchange was negotiated.
     */
    private byte[] signature(Direction d, byte[] message) {
        byte[] seq = le32(d.sequence);
        byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(d.signingKey, seq, message), 8);
        if (keyExchange) {
            checksum = NtlmCrypto.rc4(d.handle, checksum);
        }
        d.sequence++;
        byte[] sig = new byte[16];
        sig[0] = 1;
        System.arraycopy(checksum, 0, sig, 4, 8);
        System.arraycopy(seq, 0, sig, 12, 4);
        return sig;
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }

    private static byte[] magic(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }
}
