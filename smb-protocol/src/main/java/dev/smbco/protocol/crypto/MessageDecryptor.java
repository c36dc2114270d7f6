package dev.smbco.protocol.crypto;

import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 3.2.5.1.1 Decrypting the Message: checks and decrypts a TRANSFORM_HEADER frame with
 * the session's DecryptionKey (server to client).
 *
 * <p>Which session a frame belongs to is the caller's business: read it first with
 * {@link TransformHeader#sessionIdOf(ByteBuf)} and pick that session's decryptor. Create one per
 * session; <b>not thread-safe</b>: use from the connection's event-loop thread.
 */
public sealed interface MessageDecryptor permits AeadDecryptor {

    /**
     * Decrypts a transform frame (its readable bytes).
     *
     * <p>Where the frame is one writable NIO region (the normal case for a received frame) the
     * plaintext is written over the ciphertext in place and returned as a retained slice of the
     * frame; otherwise it goes to a new buffer from the frame's allocator. Either way the caller
     * still owns {@code frame} and releases it, and also releases the returned buffer; the
     * frame's indices do not move, but its bytes (header and ciphertext) are overwritten in the
     * in-place case, and wiped on failure. Where the frame's buffer has at least 16 bytes of
     * capacity after its writer index, GCM uses them as scratch for the tag instead of moving
     * the ciphertext (give receive buffers that room to save a copy of the message).
     *
     * @return the plaintext SMB2 message or compound (OriginalMessageSize bytes)
     * @throws SmbCryptoException with the {@link SmbCryptoException.Reason}: TRUNCATED,
     *     BAD_PROTOCOL_ID, COMPRESSION_UNSUPPORTED, BAD_FLAGS, BAD_SIZE or BAD_TAG
     */
    ByteBuf decrypt(ByteBuf frame);

    /** The cipher in use. */
    CipherId cipher();

    /**
     * A decryptor for a session.
     *
     * @param key Session.DecryptionKey (16 bytes for AES-128, 32 for AES-256); copied
     */
    static MessageDecryptor create(CipherId cipher, byte[] key) {
        return new AeadDecryptor(cipher, key);
    }
}
