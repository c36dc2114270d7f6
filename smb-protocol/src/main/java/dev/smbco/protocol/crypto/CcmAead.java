package dev.smbco.protocol.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-128/256-CCM (RFC 3610, NIST SP800-38C) with an 11-byte nonce (so a 4-byte length field)
 * and a 16-byte tag, built from the JDK's hardware-accelerated modes: {@code AES/CBC/NoPadding}
 * for the CBC-MAC and {@code AES/CTR/NoPadding} for the keystream. The JDK has no CCM of its own.
 *
 * <pre>
 * B0   = flags 0x7B (Adata, M = 16, L = 4) || nonce || length (4 bytes, big-endian)
 * AAD  = 0x0020 || 32 bytes of TRANSFORM_HEADER || zero padding to 48 bytes
 * T    = CBC-MAC(B0 || AAD || plaintext, zero padded)
 * A(i) = 0x03 || nonce || i (4 bytes, big-endian); ciphertext = plaintext XOR CTR from A(1);
 * tag  = T XOR E(A(0))
 * </pre>
 * Both passes run chunk by chunk over the same bytes, so a large message is read once.
 */
final class CcmAead implements Aead {
    private static final int BLOCK = 16;
    private static final int NONCE_LENGTH = 11;
    private static final int CHUNK = CbcMac.CHUNK;

    private final SecretKeySpec key;
    private final CbcMac cbcMac;
    private final Cipher ctr;
    private final Cipher ecb;
    private final byte[] in = new byte[CHUNK];
    private final byte[] out = new byte[CHUNK];
    private final byte[] b0 = new byte[BLOCK];
    private final byte[] aadBlock = new byte[48];
    private final byte[] counter = new byte[BLOCK];

    CcmAead(byte[] key) {
        try {
            this.key = new SecretKeySpec(key, "AES");
            cbcMac = new CbcMac(key);
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, this.key);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/CTR or AES/ECB unavailable", e);
        }
    }

    @Override
    public void seal(byte[] nonce, byte[] aad, ByteBuffer[] plain, ByteBuffer dst, byte[] tag) {
        long total = 0;
        for (ByteBuffer p : plain) {
            total += p.remaining();
        }
        start(nonce, aad, total);
        for (ByteBuffer p : plain) {
            while (p.hasRemaining()) {
                int n = Math.min(p.remaining(), CHUNK);
                p.get(in, 0, n);
                cbcMac.update(in, 0, n);
                keystream(in, n);
                dst.put(out, 0, n);
            }
        }
        finish(tag);
    }

    @Override
    public boolean open(byte[] nonce, byte[] aad, ByteBuffer src, ByteBuffer dst, byte[] tag) {
        start(nonce, aad, src.remaining());
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), CHUNK);
            src.get(in, 0, n);
            keystream(in, n);
            cbcMac.update(out, 0, n);
            dst.put(out, 0, n);
        }
        byte[] expected = new byte[TAG_LENGTH];
        finish(expected);
        return MessageDigest.isEqual(expected, tag);
    }

    private void start(byte[] nonce, byte[] aad, long length) {
        if (nonce.length != NONCE_LENGTH || aad.length != TransformHeader.AAD_LENGTH) {
            throw new IllegalArgumentException("CCM takes an 11-byte nonce and 32 bytes of AAD");
        }
        if (length > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("CCM with an 11-byte nonce encrypts at most 2^32 - 1 bytes");
        }
        b0[0] = 0x7B;
        System.arraycopy(nonce, 0, b0, 1, NONCE_LENGTH);
        b0[12] = (byte) (length >>> 24);
        b0[13] = (byte) (length >>> 16);
        b0[14] = (byte) (length >>> 8);
        b0[15] = (byte) length;
        aadBlock[0] = 0;
        aadBlock[1] = (byte) TransformHeader.AAD_LENGTH;
        System.arraycopy(aad, 0, aadBlock, 2, TransformHeader.AAD_LENGTH);
        cbcMac.update(b0, 0, BLOCK);
        cbcMac.update(aadBlock, 0, aadBlock.length);
        counter[0] = 0x03;
        System.arraycopy(nonce, 0, counter, 1, NONCE_LENGTH);
        counter[12] = 0;
        counter[13] = 0;
        counter[14] = 0;
        counter[15] = 1;
        try {
            ctr.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(counter));
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/CTR init failed", e);
        }
    }

    private void keystream(byte[] src, int n) {
        try {
            ctr.update(src, 0, n, out, 0);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/CTR failed", e);
        }
    }

    /** tag = CBC-MAC XOR E(A0). */
    private void finish(byte[] tag) {
        byte[] t = cbcMac.finishZeroPadded();
        counter[15] = 0;
        try {
            byte[] s0 = ecb.doFinal(counter);
            for (int i = 0; i < TAG_LENGTH; i++) {
                tag[i] = (byte) (t[i] ^ s0[i]);
            }
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/ECB failed", e);
        }
    }
}
