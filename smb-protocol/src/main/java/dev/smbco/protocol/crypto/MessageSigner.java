package dev.smbco.protocol.crypto;

import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 3.1.4.1 Signing An Outgoing Message / 3.2.5.1.3 Verifying the Signature.
 *
 * <p>A message is one whole SMB2 message: the readable bytes of the buffer, header first (in a
 * compound, narrow the buffer to one message including its padding). The signature is computed
 * over the message with its 16-byte Signature field (header bytes 48..63) taken as zero.
 *
 * <p>One signer per session (per channel signing key), created once with its key; Cipher/Mac
 * instances are set up once and reused. <b>Instances are not thread-safe</b>: use one from the
 * connection's event-loop thread only.
 */
public sealed interface MessageSigner permits TagSigner {

    /**
     * Sets SMB2_FLAGS_SIGNED in the header and writes the 16-byte signature in place. The reader
     * and writer indices do not move.
     *
     * @throws IllegalArgumentException if fewer than 64 bytes are readable
     */
    void sign(ByteBuf message);

    /**
     * Whether the Signature field holds the right signature for the message. Compares in
     * constant time; the buffer's bytes and indices are left exactly as they were. A message
     * shorter than an SMB2 header does not verify.
     */
    boolean verify(ByteBuf message);

    /**
     * Precomputes the signature share of bytes that will end a message (a WRITE's data), so that
     * {@link #sign(ByteBuf, TailDigest)} later does only a small, fixed amount of work. Only AES-GMAC
     * can split its work this way; other algorithms return null.
     *
     * <p>Unlike the other methods this one is <b>safe from any thread</b> (it uses none of the
     * signer's mutable state): that is its point, it lets a producer thread do the bulk of the
     * signing while the event loop stays free.
     *
     * @param tail the bytes (readable bytes; indices untouched)
     * @return the digest, or null when this algorithm cannot split its work
     */
    default TailDigest digestTail(ByteBuf tail) {
        return null;
    }

    /**
     * Like {@link #sign(ByteBuf)}, for a message whose last {@code tail.length()} bytes are the
     * bytes {@code tail} was computed over (by this signer). Same signature as {@code sign(message)}:
     * where the digest cannot be used (null, another signer's, or the rest of the message does not
     * end on a 16-byte boundary) the whole message is signed the ordinary way.
     */
    void sign(ByteBuf message, TailDigest tail);

    /**
     * Like {@link #verify(ByteBuf)}, for a message whose last {@code tail.length()} bytes were
     * digested by {@link #digestTail} (possibly on another thread); null verifies it whole.
     */
    boolean verify(ByteBuf message, TailDigest tail);

    /** Whether {@link #digestTail} can split this algorithm's work (AES-GMAC only). */
    default boolean digestsTails() {
        return false;
    }

    /** The algorithm this signer implements. */
    SigningAlgorithm algorithm();

    /**
     * A signer for a session.
     *
     * @param key the signing key: the session key for HMAC-SHA256 (2.0.2/2.1), else
     *            Session.SigningKey / Channel.SigningKey (16 bytes). Copied; the caller may wipe it.
     */
    static MessageSigner create(SigningAlgorithm algorithm, byte[] key) {
        if (key == null || key.length == 0) {
            throw new IllegalArgumentException("no signing key");
        }
        return switch (algorithm) {
            case HMAC_SHA256 -> new HmacSha256Signer(key);
            case AES_CMAC -> new CmacSigner(key);
            case AES_GMAC -> new GmacSigner(key);
        };
    }
}
