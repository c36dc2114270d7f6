package dev.smbco.protocol.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 4493 AES-CMAC, streaming, on the JDK's AES (hardware AES where available).
 *
 * <p>CMAC is CBC-MAC whose last block is first XORed with subkey K1 (complete block) or, after
 * 10* padding, K2. This class therefore always holds the last 1..16 bytes back until
 * {@link #doFinal()}, and pushes everything before them straight through {@link CbcMac}.
 * Subkeys are computed once per key. Not thread-safe.
 */
public final class AesCmac {
    private static final int BLOCK = 16;

    private final CbcMac cbc;
    private final byte[] k1;
    private final byte[] k2;
    private final byte[] pending = new byte[BLOCK];
    private int pendingLength;

    /** A CMAC for a 16- or 32-byte AES key (the key array is copied by the JDK, not kept). */
    public AesCmac(byte[] key) {
        byte[] l;
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            l = ecb.doFinal(new byte[BLOCK]);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES unavailable or bad key length " + key.length, e);
        }
        k1 = doubled(l);
        k2 = doubled(k1);
        Arrays.fill(l, (byte) 0);
        cbc = new CbcMac(key);
    }

    /** RFC 4493 2.3 subkeys K1 and K2 (copies; for tests). */
    byte[][] subkeys() {
        return new byte[][] {k1.clone(), k2.clone()};
    }

    public AesCmac update(byte[] b) {
        return update(b, 0, b.length);
    }

    public AesCmac update(byte[] b, int off, int len) {
        while (len > 0) {
            if (pendingLength == BLOCK) {
                cbc.update(pending, 0, BLOCK);
                pendingLength = 0;
            }
            if (pendingLength > 0 || len <= BLOCK) {
                int n = Math.min(BLOCK - pendingLength, len);
                System.arraycopy(b, off, pending, pendingLength, n);
                pendingLength += n;
                off += n;
                len -= n;
            } else {
                int bulk = ((len - 1) / BLOCK) * BLOCK;
                cbc.update(b, off, bulk);
                off += bulk;
                len -= bulk;
            }
        }
        return this;
    }

    /** Feeds the buffer's remaining bytes and advances its position to its limit. */
    public AesCmac update(ByteBuffer src) {
        if (src.hasArray()) {
            update(src.array(), src.arrayOffset() + src.position(), src.remaining());
            src.position(src.limit());
            return this;
        }
        while (src.hasRemaining()) {
            if (pendingLength == BLOCK) {
                cbc.update(pending, 0, BLOCK);
                pendingLength = 0;
            }
            int len = src.remaining();
            if (pendingLength > 0 || len <= BLOCK) {
                int n = Math.min(BLOCK - pendingLength, len);
                src.get(pending, pendingLength, n);
                pendingLength += n;
            } else {
                int bulk = ((len - 1) / BLOCK) * BLOCK;
                int limit = src.limit();
                src.limit(src.position() + bulk);
                cbc.update(src);
                src.limit(limit);
            }
        }
        return this;
    }

    /** The 16-byte tag of everything fed since the last doFinal; the MAC is ready for the next message. */
    public byte[] doFinal() {
        byte[] last = new byte[BLOCK];
        byte[] subkey;
        if (pendingLength == BLOCK) {
            System.arraycopy(pending, 0, last, 0, BLOCK);
            subkey = k1;
        } else {
            System.arraycopy(pending, 0, last, 0, pendingLength);
            last[pendingLength] = (byte) 0x80;
            subkey = k2;
        }
        for (int i = 0; i < BLOCK; i++) {
            last[i] ^= subkey[i];
        }
        cbc.update(last, 0, BLOCK);
        pendingLength = 0;
        return cbc.finishZeroPadded();
    }

    /** One-shot CMAC of a byte array. */
    public static byte[] mac(byte[] key, byte[] message) {
        return new AesCmac(key).update(message).doFinal();
    }

    /** RFC 4493 2.3: left shift by one bit, XOR Rb (0x87) when the dropped bit was 1. */
    private static byte[] doubled(byte[] in) {
        byte[] out = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            int next = i + 1 < BLOCK ? (in[i + 1] & 0xFF) >>> 7 : 0;
            out[i] = (byte) ((in[i] << 1) | next);
        }
        if ((in[0] & 0x80) != 0) {
            out[BLOCK - 1] ^= (byte) 0x87;
        }
        return out;
    }
}
