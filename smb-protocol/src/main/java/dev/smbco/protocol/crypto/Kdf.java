package dev.smbco.protocol.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NIST SP800-108 key derivation in counter mode with HMAC-SHA256 as the PRF, as MS-SMB2 3.1.4.2
 * uses it: r = 32, L = 128 or 256.
 *
 * <pre>K(i) = HMAC-SHA256(Ki, [i]_32be || Label || 0x00 || Context || [L]_32be), result = K(1) || K(2) ... truncated to L bits</pre>
 *
 * The SMB labels and contexts carry their own terminating NUL (e.g. {@code "SMB2AESCMAC\0"}); this
 * class adds the separator 0x00 between them.
 */
public final class Kdf {
    private Kdf() {
    }

    /**
     * Derives {@code lengthBits / 8} bytes.
     *
     * @param key        the key derivation key Ki (the session key)
     * @param label      Label, including its terminating NUL
     * @param context    Context, including its terminating NUL where the spec has one
     * @param lengthBits L: 128 or 256 for SMB (any positive multiple of 8 works)
     */
    public static byte[] derive(byte[] key, byte[] label, byte[] context, int lengthBits) {
        if (lengthBits <= 0 || lengthBits % 8 != 0) {
            throw new IllegalArgumentException("L must be a positive multiple of 8, not " + lengthBits);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = new byte[lengthBits / 8];
            int done = 0;
            for (int i = 1; done < out.length; i++) {
                mac.update(int32be(i));
                mac.update(label);
                mac.update((byte) 0);
                mac.update(context);
                mac.update(int32be(lengthBits));
                byte[] k = mac.doFinal();
                int n = Math.min(k.length, out.length - done);
                System.arraycopy(k, 0, out, done, n);
                done += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "HMAC-SHA256 unavailable", e);
        }
    }

    private static byte[] int32be(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
