package dev.smbco.client;

import dev.smbco.client.internal.SessionSecurity;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.MessageDecryptor;
import dev.smbco.protocol.crypto.MessageEncryptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** A session's transform cipher over the protocol module's encryptor (client→server) and decryptor (server→client). */
final class SessionCiphers {
    private SessionCiphers() {
    }

    static SessionSecurity.FrameCipher create(CipherId cipher, byte[] encryptionKey, byte[] decryptionKey) {
        if (encryptionKey == null || decryptionKey == null) {
            return null; // SMB 2.x: no encryption keys
        }
        MessageEncryptor encryptor = MessageEncryptor.create(cipher, encryptionKey);
        MessageDecryptor decryptor = MessageDecryptor.create(cipher, decryptionKey);
        return new SessionSecurity.FrameCipher() {
            @Override
            public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
                return encryptor.encrypt(alloc, plain, sessionId);
            }

            @Override
            public ByteBuf decrypt(ByteBuf frame) {
                return decryptor.decrypt(frame);
            }
        };
    }
}
