package dev.smbco.protocol.crypto;

import java.nio.ByteBuffer;

/**
 * An AEAD cipher as SMB 3.x uses it (MS-SMB2 3.1.4.3): 16-byte tag, 32 bytes of additional
 * authenticated data (the TRANSFORM_HEADER from Nonce to SessionId). One instance per key, set
 * up once; not thread-safe.
 */
sealed interface Aead permits GcmAead, CcmAead {
    int TAG_LENGTH = 16;

    /**
     * Encrypts the remaining bytes of {@code plain} (in order, as one message) into {@code out}.
     * {@code out} must have room for the ciphertext plus {@value #TAG_LENGTH} scratch bytes after
     * it; its position ends right after the ciphertext. The tag goes into {@code tag}.
     */
    void seal(byte[] nonce, byte[] aad, ByteBuffer[] plain, ByteBuffer out, byte[] tag);

    /**
     * Decrypts {@code in} into {@code out} (same length; they may be the same memory at the same
     * position) and checks the tag in constant time.
     *
     * @return false if the tag does not authenticate; {@code out} then holds garbage the caller must wipe
     */
    boolean open(byte[] nonce, byte[] aad, ByteBuffer in, ByteBuffer out, byte[] tag);

    static Aead create(CipherId cipher, byte[] key) {
        if (key == null || key.length != cipher.keyLength()) {
            throw new IllegalArgumentException(cipher + " needs a " + cipher.keyLength() + "-byte key, not "
                    + (key == null ? "none" : key.length + " bytes"));
        }
        return cipher.isGcm() ? new GcmAead(key) : new CcmAead(key);
    }
}
