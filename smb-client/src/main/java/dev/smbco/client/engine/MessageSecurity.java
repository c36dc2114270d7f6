package dev.smbco.client.engine;

import dev.smbco.protocol.crypto.MessageEncryptor;
import dev.smbco.protocol.crypto.TailDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The per-session signing and encryption state the engine applies on the event loop (MS-SMB2
 * 3.2.4.1.1 signing, 3.2.4.1.8 encryption, 3.2.5.1.1 decryption, 3.2.5.1.3 verification).
 * Implemented by the session layer over the protocol module's signer and ciphers.
 */
public interface MessageSecurity {
    /** Signs one whole SMB2 message in place (sets SMB2_FLAGS_SIGNED and the Signature field). */
    void sign(ByteBuf message);

    /**
     * Signs a message whose last bytes were digested ahead of time by {@link #digestTail}
     * (null: sign it whole). Same signature either way.
     */
    default void sign(ByteBuf message, TailDigest tail) {
        sign(message);
    }

    /**
     * Digests bytes that will end a signed message, on the calling thread (any thread), so that
     * signing it on the event loop is cheap; null when the session's algorithm cannot split its
     * work (only AES-GMAC can) or the session does not sign.
     */
    default TailDigest digestTail(ByteBuf tail) {
        return null;
    }

    /** Checks the signature of one whole SMB2 message (header at the reader index). */
    boolean verify(ByteBuf message);

    /** Like {@link #verify(ByteBuf)} with the message's last bytes digested ahead by {@link #digestTail} (null: whole). */
    default boolean verify(ByteBuf message, TailDigest tail) {
        return verify(message);
    }

    /** Whether {@link #digestTail} returns digests (the session signs with AES-GMAC). */
    default boolean digestsTails() {
        return false;
    }

    /** True when this session can encrypt (SMB 3.x with keys derived). */
    boolean canEncrypt();

    /** Wraps a plaintext message in a transform frame; the plaintext is not released. */
    ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId);

    /** Unwraps a transform frame into a new plaintext buffer; the frame is not released. */
    ByteBuf decrypt(ByteBuf frame);

    /** Whether {@link #reserveSeal} works for this session. */
    default boolean encryptsConcurrently() {
        return false;
    }

    /**
     * On the loop: takes the session's next encryption nonce and returns a sealer that encrypts
     * one message with it on any thread ({@link MessageEncryptor#reserve}).
     */
    default MessageEncryptor.Sealer reserveSeal() {
        throw new UnsupportedOperationException("this session encrypts on the loop only");
    }

    /** Whether {@link #decryptConcurrently} works for this session. */
    default boolean decryptsConcurrently() {
        return false;
    }

    /**
     * {@link #decrypt} safe from any thread, without the replay check (the nonce guard lives on
     * the loop): {@link #acceptNonce} must follow there before the plaintext is used.
     */
    default ByteBuf decryptConcurrently(ByteBuf frame) {
        throw new UnsupportedOperationException("this session decrypts on the loop only");
    }

    /**
     * On the loop, for a frame {@linkplain #decryptConcurrently decrypted elsewhere}: the 16-byte
     * Nonce field read before decryption; throws SmbProtocolException for a reused nonce.
     */
    default void acceptNonce(byte[] nonce) {
    }
}
