package dev.smbco.client.internal;

import dev.smbco.client.engine.MessageSecurity;
import dev.smbco.protocol.crypto.MessageEncryptor;
import dev.smbco.protocol.crypto.MessageSigner;
import dev.smbco.protocol.crypto.TailDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A session's keys in the engine's terms: its {@link MessageSigner} and, for SMB 3.x sessions that
 * can encrypt, its transform cipher. Used only on the connection's event loop (the signer and
 * ciphers are not thread-safe), except {@link #digestTail}, which is safe from any thread.
 */
public final class SessionSecurity implements MessageSecurity {
    /** Seals and opens transform frames for one session (MS-SMB2 3.1.4.3 / 3.2.5.1.1). */
    public interface FrameCipher {
        ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId);

        ByteBuf decrypt(ByteBuf frame);

        /** Whether {@link #reserveSeal} works. */
        default boolean encryptsConcurrently() {
            return false;
        }

        /** Takes the next nonce now (on the loop); the returned sealer encrypts one message on any thread. */
        default MessageEncryptor.Sealer reserveSeal() {
            throw new UnsupportedOperationException("this cipher encrypts on the loop only");
        }

        /** Whether {@link #decryptConcurrently} works. */
        default boolean decryptsConcurrently() {
            return false;
        }

        /**
         * Decrypts on any thread (with a decryptor of its own), without the replay check, which
         * {@link #acceptNonce} then does on the loop.
         */
        default ByteBuf decryptConcurrently(ByteBuf frame) {
            throw new UnsupportedOperationException("this cipher decrypts on the loop only");
        }

        /** The loop's replay check for a frame {@link #decryptConcurrently decrypted elsewhere}. */
        default void acceptNonce(byte[] nonce) {
        }
    }

    private final MessageSigner signer;
    private final FrameCipher cipher;

    /**
     * @param signer null for guest and anonymous sessions (they cannot sign)
     * @param cipher null when the session cannot encrypt
     */
    public SessionSecurity(MessageSigner signer, FrameCipher cipher) {
        this.signer = signer;
        this.cipher = cipher;
    }

    @Override
    public void sign(ByteBuf message) {
        if (signer == null) {
            throw new IllegalStateException("this session has no signing key (guest or anonymous)");
        }
        signer.sign(message);
    }

    @Override
    public void sign(ByteBuf message, TailDigest tail) {
        if (signer == null) {
            throw new IllegalStateException("this session has no signing key (guest or anonymous)");
        }
        signer.sign(message, tail);
    }

    /** Safe from any thread: the signer's digestTail uses none of its loop-confined state. */
    @Override
    public TailDigest digestTail(ByteBuf tail) {
        return signer == null ? null : signer.digestTail(tail);
    }

    @Override
    public boolean verify(ByteBuf message) {
        return signer != null && signer.verify(message);
    }

    @Override
    public boolean verify(ByteBuf message, TailDigest tail) {
        return signer != null && signer.verify(message, tail);
    }

    @Override
    public boolean digestsTails() {
        return signer != null && signer.digestsTails();
    }

    public boolean canSign() {
        return signer != null;
    }

    @Override
    public boolean canEncrypt() {
        return cipher != null;
    }

    @Override
    public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
        return cipher.encrypt(alloc, plain, sessionId);
    }

    @Override
    public ByteBuf decrypt(ByteBuf frame) {
        return cipher.decrypt(frame);
    }

    @Override
    public boolean encryptsConcurrently() {
        return cipher != null && cipher.encryptsConcurrently();
    }

    @Override
    public MessageEncryptor.Sealer reserveSeal() {
        return cipher.reserveSeal();
    }

    @Override
    public boolean decryptsConcurrently() {
        return cipher != null && cipher.decryptsConcurrently();
    }

    @Override
    public ByteBuf decryptConcurrently(ByteBuf frame) {
        return cipher.decryptConcurrently(frame);
    }

    @Override
    public void acceptNonce(byte[] nonce) {
        cipher.acceptNonce(nonce);
    }
}
