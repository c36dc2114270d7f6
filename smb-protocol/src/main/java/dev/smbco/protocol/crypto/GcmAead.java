package dev.smbco.protocol.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-128/256-GCM (NIST SP800-38D) on the JDK's {@code AES/GCM/NoPadding}: 12-byte nonce, 16-byte tag. */
final class GcmAead implements Aead {
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final Cipher gcm;
    private final SecretKeySpec key;

    GcmAead(byte[] key) {
        try {
            this.key = new SecretKeySpec(key, "AES");
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/GCM unavailable", e);
        }
    }

    @Override
    public void seal(byte[] nonce, byte[] aad, ByteBuffer[] plain, ByteBuffer out, byte[] tag) {
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(aad);
            if (plain.length == 1) {
                gcm.doFinal(plain[0], out);
            } else {
                for (ByteBuffer p : plain) {
                    gcm.update(p, out);
                }
                gcm.doFinal(EMPTY, out);
            }
            // the JDK appends the tag after the ciphertext: take it back out
            out.position(out.position() - TAG_LENGTH);
            out.get(out.position(), tag, 0, TAG_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GCM encryption failed", e);
        }
    }

    /**
     * Decrypts {@code ciphertextAndTag} (ciphertext followed by the 16-byte tag, the layout the
     * JDK wants) into {@code out}, which may start at the same memory: one doFinal, no
     * buffering of the ciphertext inside the provider.
     */
    boolean openContiguous(byte[] nonce, byte[] aad, ByteBuffer ciphertextAndTag, ByteBuffer out) {
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(aad);
            gcm.doFinal(ciphertextAndTag, out);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GCM decryption failed", e);
        }
    }

    @Override
    public boolean open(byte[] nonce, byte[] aad, ByteBuffer in, ByteBuffer out, byte[] tag) {
        try {
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
            gcm.updateAAD(aad);
            // GCM decryption releases no plaintext before the tag checks out: the JDK holds the
            // ciphertext until doFinal, which is why in and out may share memory here.
            gcm.update(in, out);
            gcm.doFinal(ByteBuffer.wrap(tag), out);
            return true;
        } catch (AEADBadTagException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GCM decryption failed", e);
        }
    }
}
