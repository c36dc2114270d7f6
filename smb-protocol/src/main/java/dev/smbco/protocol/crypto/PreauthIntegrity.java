package dev.smbco.protocol.crypto;

import io.netty.buffer.ByteBuf;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * MS-SMB2 3.2.5.2 / 3.2.5.3.1 (3.1.1 preauthentication integrity): the SHA-512 hash chain
 * {@code H(i) = SHA-512(H(i-1) || message)} starting from 64 zero bytes.
 *
 * <p>The connection keeps one chain over NEGOTIATE request and response; each session starts
 * from a {@link #copy()} of it and adds its SESSION_SETUP requests and responses (except the
 * final successful response). Not thread-safe; use from the connection's event loop.
 */
public final class PreauthIntegrity {
    /** Length of the hash value (SHA-512). */
    public static final int HASH_LENGTH = 64;

    private final MessageDigest sha512;
    private byte[] value;

    /** A new chain: H(0) = 64 zero bytes. */
    public PreauthIntegrity() {
        this(new byte[HASH_LENGTH]);
    }

    private PreauthIntegrity(byte[] value) {
        try {
            this.sha512 = MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "SHA-512 unavailable", e);
        }
        this.value = value;
    }

    /**
     * Adds one whole SMB2 message (its readable bytes; the reader index does not move).
     *
     * @return this
     */
    public PreauthIntegrity update(ByteBuf message) {
        sha512.update(value);
        int n = message.nioBufferCount();
        if (n == 1) {
            sha512.update(message.nioBuffer());
        } else {
            for (java.nio.ByteBuffer b : message.nioBuffers()) {
                sha512.update(b);
            }
        }
        value = sha512.digest();
        return this;
    }

    /** Adds one whole SMB2 message given as bytes. */
    public PreauthIntegrity update(byte[] message) {
        sha512.update(value);
        sha512.update(message);
        value = sha512.digest();
        return this;
    }

    /** The current hash value (a copy, 64 bytes). */
    public byte[] value() {
        return value.clone();
    }

    /** An independent chain starting from this one's current value (connection to session). */
    public PreauthIntegrity copy() {
        return new PreauthIntegrity(value.clone());
    }
}
