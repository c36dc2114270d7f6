package dev.smbco.protocol.crypto;

import java.security.SecureRandom;

/**
 * MS-SMB2 3.1.4.3: the per-session TRANSFORM_HEADER nonces of an encryptor, never repeated.
 *
 * <p>Layout of the 16-byte Nonce field: bytes 0..7 a 64-bit little-endian counter that starts
 * at a random value and goes up by one per message; bytes 8..10 (CCM) or 8..11 (GCM) a random
 * value fixed for this sequence; the remaining bytes zero (MS-SMB2 2.2.41). One sequence issues
 * at most 2^64 nonces, then fails with {@link SmbCryptoException.Reason#NONCE_EXHAUSTED} rather
 * than wrap. Random start and random suffix keep two sequences under one key (for example a
 * session used on two channels) apart; the client should still use one encryptor per session.
 */
final class NonceSequence {
    private final int length;
    private final byte[] suffix;
    private long counter;
    private long issued;
    private boolean exhausted;

    NonceSequence(CipherId cipher, SecureRandom random) {
        this.length = cipher.nonceLength();
        this.suffix = new byte[length - 8];
        random.nextBytes(suffix);
        this.counter = random.nextLong();
    }

    /** The next 16-byte Nonce field. */
    byte[] next() {
        if (exhausted) {
            throw new SmbCryptoException(SmbCryptoException.Reason.NONCE_EXHAUSTED,
                    "all 2^64 nonces of this session's encryptor are used; re-establish the session");
        }
        byte[] nonce = new byte[16];
        long c = counter++;
        for (int i = 0; i < 8; i++) {
            nonce[i] = (byte) (c >>> (8 * i));
        }
        System.arraycopy(suffix, 0, nonce, 8, suffix.length);
        if (++issued == 0) {
            exhausted = true;
        }
        return nonce;
    }

    /** How many bytes of the Nonce field the cipher reads. */
    int length() {
        return length;
    }
}
