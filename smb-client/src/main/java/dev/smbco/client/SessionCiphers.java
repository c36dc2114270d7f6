package dev.smbco.client;

import dev.smbco.client.internal.NonceGuard;
import dev.smbco.client.internal.SessionSecurity;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.MessageDecryptor;
import dev.smbco.protocol.crypto.MessageEncryptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** A session's transform cipher over the protocol module's encryptor (client→server) and decryptor (server→client). */
final class SessionCiphers {
    /** MS-SMB2 2.2.41: Nonce (16 bytes) follows ProtocolId (4) and Signature (16). */
    private static final int NONCE_OFFSET = 20;
    private SessionCiphers() {
    }

    /** The 16-byte Nonce field of a transform frame (the engine checked the frame's length). */
    static byte[] nonceOf(ByteBuf frame) {
        byte[] nonce = new byte[16];
        frame.getBytes(frame.readerIndex() + NONCE_OFFSET, nonce);
        return nonce;
    }

    static SessionSecurity.FrameCipher create(CipherId cipher, byte[] encryptionKey, byte[] decryptionKey) {
        if (encryptionKey == null || decryptionKey == null) {
            return null; // SMB 2.x: no encryption keys
        }
        MessageEncryptor encryptor = MessageEncryptor.create(cipher, encryptionKey);
        MessageDecryptor decryptor = MessageDecryptor.create(cipher, decryptionKey);
        byte[] key = decryptionKey.clone(); // for decryptors made on other threads
        NonceGuard nonces = new NonceGuard();
        return new SessionSecurity.FrameCipher() {
            @Override
            public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
                return encryptor.encrypt(alloc, plain, sessionId);
            }

            @Override
            public ByteBuf decrypt(ByteBuf frame) {
                byte[] nonce = nonceOf(frame);
                ByteBuf plain = decryptor.decrypt(frame);
                try {
                    acceptNonce(nonce);
                } catch (SmbProtocolException e) {
                    plain.release();
                    throw e;
                }
                return plain;
            }

            @Override
            public boolean encryptsConcurrently() {
                return true;
            }

            @Override
            public MessageEncryptor.Sealer reserveSeal() {
                return encryptor.reserve();
            }

            @Override
            public boolean decryptsConcurrently() {
                return true;
            }

            @Override
            public ByteBuf decryptConcurrently(ByteBuf frame) {
                return MessageDecryptor.create(cipher, key).decrypt(frame); // a decryptor of its own: any thread
            }

            @Override
            public void acceptNonce(byte[] nonce) {
                if (!nonces.firstUse(nonce)) {
                    // a replayed frame, or a server reusing a nonce under one key (MS-SMB2 3.1.4.3)
                    throw new SmbProtocolException("the server reused a nonce of an earlier encrypted response");
                }
            }
        };
    }
}
