package dev.smbco.protocol.crypto;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.security.SecureRandom;

/**
 * MS-SMB2 3.1.4.3 Encrypting the Message: wraps an SMB2 message or compound in a
 * TRANSFORM_HEADER (2.2.41) and encrypts it with the session's EncryptionKey (client to server).
 *
 * <p>Create one per session and keep it: the nonce sequence lives in the instance (see
 * {@link NonceSequence}: random-start 64-bit counter plus a random per-instance value, never
 * reused). <b>Not thread-safe</b>: use from the connection's event-loop thread.
 */
public sealed interface MessageEncryptor permits AeadEncryptor {

    /**
     * Encrypts the readable bytes of {@code plain} into a new transform frame.
     *
     * @param alloc     allocates the frame (ownership passes to the caller, who releases it,
     *                  normally by writing it to the channel)
     * @param plain     one SMB2 message or a whole compound; neither consumed (indices stay) nor
     *                  released (the caller still owns it)
     * @param sessionId the SessionId written into the header
     * @return the 52-byte TRANSFORM_HEADER followed by the ciphertext
     */
    ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId);

    /**
     * Takes the next nonce of this encryptor's sequence now (on the owning thread, like
     * {@link #encrypt}) and returns a one-shot {@link Sealer} that encrypts one message with it on
     * any thread, with a cipher of its own: how a large message is encrypted off the event loop
     * without two threads ever sharing the sequence. A nonce taken and not used is simply skipped.
     */
    Sealer reserve();

    /** One message's encryption with its nonce already taken: call {@link #seal} once, on any thread. */
    @FunctionalInterface
    interface Sealer {
        /** As {@link MessageEncryptor#encrypt}, with the reserved nonce. */
        ByteBuf seal(ByteBufAllocator alloc, ByteBuf plain, long sessionId);
    }

    /** The cipher in use. */
    CipherId cipher();

    /**
     * An encryptor for a session.
     *
     * @param key Session.EncryptionKey (16 bytes for AES-128, 32 for AES-256); copied
     */
    static MessageEncryptor create(CipherId cipher, byte[] key) {
        return new AeadEncryptor(cipher, key, new SecureRandom());
    }
}
