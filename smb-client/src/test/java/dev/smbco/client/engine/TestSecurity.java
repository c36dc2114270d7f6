package dev.smbco.client.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * A session's security for engine tests: by default it signs nothing (sign is a no-op), verifies
 * nothing, cannot encrypt and refuses to seal or open frames. Tests override what they exercise.
 */
public abstract class TestSecurity implements MessageSecurity {
    @Override
    public void sign(ByteBuf message) {
    }

    @Override
    public boolean verify(ByteBuf message) {
        return false;
    }

    @Override
    public boolean canEncrypt() {
        return false;
    }

    @Override
    public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ByteBuf decrypt(ByteBuf frame) {
        throw new UnsupportedOperationException();
    }
}
