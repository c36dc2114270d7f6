package dev.smbco.protocol.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES CBC-MAC on the JDK's {@code AES/CBC/NoPadding} (hardware AES where the CPU has it): the
 * last ciphertext block of a zero-IV CBC encryption. The building block of AES-CMAC (RFC 4493)
 * and of CCM's authentication pass (RFC 3610).
 *
 * <p>Input arrives in any sizes; partial blocks are carried over by the cipher between calls.
 * Large inputs go through reusable chunk arrays, so nothing is allocated per message. Not
 * thread-safe.
 */
final class CbcMac {
    static final int BLOCK = 16;
    /** Bytes moved through the cipher per call. */
    static final int CHUNK = 32 * 1024;

    private final Cipher cbc;
    private final byte[] in = new byte[CHUNK];
    private final byte[] out = new byte[CHUNK + BLOCK];
    private final byte[] last = new byte[BLOCK];
    private long fed;

    CbcMac(byte[] key) {
        try {
            cbc = Cipher.getInstance("AES/CBC/NoPadding");
            cbc.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(new byte[BLOCK]));
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/CBC unavailable or bad key length " + key.length, e);
        }
    }

    void update(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, CHUNK);
            int produced = cbcUpdate(b, off, n);
            keepLast(produced);
            off += n;
            len -= n;
        }
    }

    /** Feeds the buffer's remaining bytes and advances its position to its limit. */
    void update(ByteBuffer src) {
        if (src.hasArray()) {
            update(src.array(), src.arrayOffset() + src.position(), src.remaining());
            src.position(src.limit());
            return;
        }
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), CHUNK);
            src.get(in, 0, n);
            keepLast(cbcUpdate(in, 0, n));
        }
    }

    /** Pads what was fed with zeros to a block boundary, returns the MAC (last block) and resets. */
    byte[] finishZeroPadded() {
        int partial = (int) (fed % BLOCK);
        if (partial != 0) {
            update(new byte[BLOCK - partial], 0, BLOCK - partial);
        }
        byte[] mac = last.clone();
        reset();
        return mac;
    }

    /** Forgets everything fed so far (the cipher returns to its zero IV). */
    void reset() {
        try {
            cbc.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/CBC reset failed", e);
        }
        fed = 0;
    }

    private int cbcUpdate(byte[] b, int off, int n) {
        try {
            fed += n;
            return cbc.update(b, off, n, out, 0);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/CBC failed", e);
        }
    }

    private void keepLast(int produced) {
        if (produced >= BLOCK) {
            System.arraycopy(out, produced - BLOCK, last, 0, BLOCK);
        }
    }
}
