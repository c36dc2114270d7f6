package dev.smbco.protocol.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.engines.RC4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * MS-NLMP 3.3.2 NTLM v2 and 3.4.5 key functions. Only NTLMv2 lives here: no LM hash, no
 * NTLMv1 or LM responses. MD4 and RC4 come from BouncyCastle (the JDK has neither); HMAC-MD5
 * and MD5 from the JDK.
 */
final class NtlmCrypto {
    private NtlmCrypto() {
    }

    /** NTOWFv1 = MD4(UNICODE(Passwd)), the NT hash (input to NTOWFv2 only). */
    static byte[] ntHash(char[] password) {
        ByteBuffer utf16 = StandardCharsets.UTF_16LE.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[utf16.remaining()];
        utf16.get(bytes);
        if (utf16.hasArray()) {
            Arrays.fill(utf16.array(), (byte) 0);
        }
        MD4Digest md4 = new MD4Digest();
        md4.update(bytes, 0, bytes.length);
        Arrays.fill(bytes, (byte) 0);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }

    /** NTOWFv2 = HMAC_MD5(NTOWFv1(Passwd), UNICODE(Uppercase(User) || UserDom)). */
    static byte[] ntowfv2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, (user.toUpperCase(Locale.ROOT) + domain).getBytes(StandardCharsets.UTF_16LE));
    }

    static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-MD5 unavailable", e);
        }
    }

    static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md5.update(p);
            }
            return md5.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    /** A fresh RC4 keystream (MS-NLMP RC4Init); each call to {@link #rc4(RC4Engine, byte[])} continues it. */
    static RC4Engine rc4Init(byte[] key) {
        RC4Engine rc4 = new RC4Engine();
        rc4.init(true, new KeyParameter(key));
        return rc4;
    }

    static byte[] rc4(RC4Engine handle, byte[] data) {
        byte[] out = new byte[data.length];
        handle.processBytes(data, 0, data.length, out, 0);
        return out;
    }

    /** RC4K: one-shot RC4 with a new key (EncryptedRandomSessionKey). */
    static byte[] rc4(byte[] key, byte[] data) {
        return rc4(rc4Init(key), data);
    }

    /**
     * The NTLMv2_CLIENT_CHALLENGE "temp" of MS-NLMP 3.3.2: 0x01 0x01 Z(6) Time ClientChallenge
     * Z(4) AvPairs (with MsvAvEOL) and {@code trailer} zero bytes (MS-NLMP: 4).
     */
    static byte[] clientBlob(long fileTime, byte[] clientChallenge, TargetInfo pairs, int trailer) {
        ByteBuffer b = ByteBuffer.allocate(28 + pairs.encodedLength() + trailer).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 1).put((byte) 1);          // RespType, HiRespType
        b.put(new byte[6]);                     // Reserved1, Reserved2
        b.putLong(fileTime);                    // TimeStamp (8 bytes)
        b.put(clientChallenge);                 // ChallengeFromClient (8 bytes)
        b.putInt(0);                            // Reserved3 (4 bytes)
        io.netty.buffer.ByteBuf avs = io.netty.buffer.Unpooled.buffer(pairs.encodedLength());
        pairs.encode(avs);
        b.put(NtlmFields.toArray(avs));         // AvPairs
        return b.array();
    }

    /** NTProofStr = HMAC_MD5(ResponseKeyNT, ServerChallenge || temp). */
    static byte[] ntProofStr(byte[] responseKeyNt, byte[] serverChallenge, byte[] temp) {
        return hmacMd5(responseKeyNt, serverChallenge, temp);
    }

    /** LMv2 response = HMAC_MD5(ResponseKeyLM, ServerChallenge || ClientChallenge) || ClientChallenge. */
    static byte[] lmv2Response(byte[] responseKeyLm, byte[] serverChallenge, byte[] clientChallenge) {
        byte[] mac = hmacMd5(responseKeyLm, serverChallenge, clientChallenge);
        byte[] out = Arrays.copyOf(mac, 24);
        System.arraycopy(clientChallenge, 0, out, 16, 8);
        return out;
    }

    /** NTLMv2 SessionBaseKey = HMAC_MD5(ResponseKeyNT, NTProofStr); it is also the KeyExchangeKey. */
    static byte[] sessionBaseKey(byte[] responseKeyNt, byte[] ntProofStr) {
        return hmacMd5(responseKeyNt, ntProofStr);
    }

    /** MIC = HMAC_MD5(ExportedSessionKey, NEGOTIATE || CHALLENGE || AUTHENTICATE with zero MIC). */
    static byte[] mic(byte[] exportedSessionKey, byte[] negotiate, byte[] challenge, byte[] authenticate) {
        return hmacMd5(exportedSessionKey, negotiate, challenge, authenticate);
    }
}
