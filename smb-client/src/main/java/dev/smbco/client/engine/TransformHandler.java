package dev.smbco.client.engine;

import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.HashMap;
import java.util.Map;

/**
 * The pipeline's transform stage (MS-SMB2 3.2.5.1.1 decrypting, 3.1.4.3 encrypting), between the
 * Direct TCP framing and the {@link SmbEngine}. Inbound, a TRANSFORM_HEADER frame is decrypted
 * with the keys of the session it names and passed on as a {@link Decrypted} frame; any other
 * frame passes unchanged. Outbound, a {@link Seal} is encrypted into a transform frame. The
 * session keys are registered here by the session layer; everything runs on the event loop.
 */
public final class TransformHandler extends ChannelDuplexHandler {
    /** MS-SMB2 2.2.41: SessionId sits at byte 44 of the 52-byte TRANSFORM_HEADER. */
    private static final int SESSION_ID_OFFSET = 44;
    private static final int TRANSFORM_HEADER_SIZE = 52;

    private final Map<Long, MessageSecurity> sessions = new HashMap<>();

    /** A decrypted frame (plaintext message or compound); whoever reads it releases it. */
    public static final class Decrypted extends DefaultByteBufHolder {
        Decrypted(ByteBuf plain) {
            super(plain);
        }
    }

    /** A plaintext message to be sent encrypted with a session's keys; owns (releases) the plaintext. */
    public static final class Seal extends DefaultByteBufHolder {
        private final MessageSecurity security;
        private final long sessionId;

        Seal(ByteBuf plain, MessageSecurity security, long sessionId) {
            super(plain);
            this.security = security;
            this.sessionId = sessionId;
        }
    }

    void register(long sessionId, MessageSecurity security) {
        sessions.put(sessionId, security);
    }

    void unregister(long sessionId) {
        sessions.remove(sessionId);
    }

    void clear() {
        sessions.clear();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        if (frame.readableBytes() < 4 || frame.getIntLE(frame.readerIndex()) != Smb2Header.TRANSFORM_PROTOCOL_ID) {
            ctx.fireChannelRead(frame);
            return;
        }
        ByteBuf plain;
        try {
            plain = decrypt(frame);
        } finally {
            frame.release();
        }
        ctx.fireChannelRead(new Decrypted(plain));
    }

    private ByteBuf decrypt(ByteBuf frame) {
        if (frame.readableBytes() < TRANSFORM_HEADER_SIZE + Smb2Header.SIZE) {
            throw new SmbProtocolException("transform frame of " + frame.readableBytes() + " bytes is too short");
        }
        long sessionId = frame.getLongLE(frame.readerIndex() + SESSION_ID_OFFSET);
        MessageSecurity security = sessions.get(sessionId);
        if (security == null || !security.canEncrypt()) {
            throw new SmbProtocolException(String.format("encrypted frame for unknown session 0x%016X", sessionId));
        }
        ByteBuf plain;
        try {
            plain = security.decrypt(frame);
        } catch (RuntimeException e) {
            throw new SmbProtocolException("cannot decrypt frame: " + e.getMessage(), e);
        }
        if (plain.readableBytes() >= Smb2Header.SIZE
                && plain.getLongLE(plain.readerIndex() + Smb2Header.OFFSET_SESSION_ID) != sessionId) {
            // MS-SMB2 3.2.5.1.1: the decrypted message must belong to the session whose keys opened it
            long inner = plain.getLongLE(plain.readerIndex() + Smb2Header.OFFSET_SESSION_ID);
            plain.release();
            throw new SmbProtocolException(String.format("decrypted message names session 0x%016X, its transform header 0x%016X",
                    inner, sessionId));
        }
        return plain;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Seal seal)) {
            ctx.write(msg, promise);
            return;
        }
        ByteBuf sealed;
        try {
            sealed = seal.security.encrypt(ctx.alloc(), seal.content(), seal.sessionId);
        } catch (RuntimeException e) {
            promise.setFailure(new SmbProtocolException("cannot encrypt message: " + e.getMessage(), e));
            return;
        } finally {
            seal.release();
        }
        ctx.write(sealed, promise);
    }
}
