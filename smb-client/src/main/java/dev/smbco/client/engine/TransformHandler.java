package dev.smbco.client.engine;

import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.crypto.MessageEncryptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The pipeline's transform stage (MS-SMB2 3.2.5.1.1 decrypting, 3.1.4.3 encrypting), between the
 * Direct TCP framing and the {@link SmbEngine}. Inbound, a TRANSFORM_HEADER frame is decrypted
 * with the keys of the session it names and passed on as a {@link Decrypted} frame; any other
 * frame passes unchanged. Outbound, a {@link Seal} is encrypted into a transform frame. The
 * session keys are registered here by the session layer; the handler runs on the event loop,
 * except that frames of 64 KiB and more are decrypted or sealed on a virtual thread and passed
 * on from the loop ({@link #decryptOffLoop}, {@link #sealOffLoop}).
 */
public final class TransformHandler extends ChannelDuplexHandler {
    /** MS-SMB2 2.2.41: SessionId sits at byte 44 of the 52-byte TRANSFORM_HEADER. */
    private static final int SESSION_ID_OFFSET = 44;
    private static final int TRANSFORM_HEADER_SIZE = 52;
    /** MS-SMB2 2.2.41: the 16-byte Nonce follows ProtocolId (4) and Signature (16). */
    private static final int NONCE_OFFSET = 20;

    private final Map<Long, MessageSecurity> sessions = new HashMap<>();
    /** Where large frames are decrypted and encrypted ({@link #decryptOffLoop}, {@link #sealOffLoop}): a virtual thread each. */
    private Executor offLoop = OffLoop.virtualThreads("smbco-transform");

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
        if (frame.readableBytes() >= OFF_LOOP_DECRYPT) {
            MessageSecurity security = sessions.get(frame.getLongLE(frame.readerIndex() + SESSION_ID_OFFSET));
            if (security != null && security.decryptsConcurrently()) {
                decryptOffLoop(ctx, frame, security);
                return;
            }
        }
        ByteBuf plain;
        try {
            plain = decrypt(frame);
        } finally {
            frame.release();
        }
        ctx.fireChannelRead(new Decrypted(plain));
    }

    /**
     * Transform frames from this size on (a large READ response) are decrypted on a virtual
     * thread, not on the event loop: AES-GCM over 8 MiB is ~5 ms the loop can spend on other
     * frames and connections. The replay check and the session check stay on the loop.
     */
    static final int OFF_LOOP_DECRYPT = 64 * 1024 + TRANSFORM_HEADER_SIZE;

    /**
     * Decrypts on {@link #offLoop}, then passes the plaintext on from the loop, as the inline path
     * does; a failure there becomes the same protocol error, raised on the loop. Frames decrypted
     * this way may overtake or be overtaken by others, which SMB2 allows (every response names
     * its request); a compound stays whole.
     */
    private void decryptOffLoop(ChannelHandlerContext ctx, ByteBuf frame, MessageSecurity security) {
        long sessionId = frame.getLongLE(frame.readerIndex() + SESSION_ID_OFFSET);
        byte[] nonce = new byte[16];
        frame.getBytes(frame.readerIndex() + NONCE_OFFSET, nonce);
        OffLoop.run(offLoop, ctx.executor(), () -> {
            try {
                return security.decryptConcurrently(frame);
            } finally {
                frame.release();
            }
        }, (plain, failure) -> decrypted(ctx, security, sessionId, nonce, plain, failure), plain -> {
            if (plain != null) {
                plain.release(); // the client is shutting down
            }
        });
    }

    /** Back on the loop after {@link #decryptOffLoop}. */
    private void decrypted(ChannelHandlerContext ctx, MessageSecurity security, long sessionId, byte[] nonce, ByteBuf plain,
            Throwable failure) {
        if (ctx.isRemoved() || !ctx.channel().isActive()) {
            if (plain != null) {
                plain.release(); // the connection went down meanwhile: its requests have failed already
            }
            return;
        }
        try {
            if (failure != null) {
                throw new SmbProtocolException("cannot decrypt frame: " + failure.getMessage(), failure);
            }
            security.acceptNonce(nonce);
            checkSession(plain, sessionId);
        } catch (RuntimeException e) {
            if (plain != null) {
                plain.release();
            }
            ctx.fireExceptionCaught(e);
            return;
        }
        ctx.fireChannelRead(new Decrypted(plain));
    }

    /** MS-SMB2 3.2.5.1.1: the decrypted message must belong to the session whose keys opened it. */
    private static void checkSession(ByteBuf plain, long sessionId) {
        if (plain.readableBytes() >= Smb2Header.SIZE
                && plain.getLongLE(plain.readerIndex() + Smb2Header.OFFSET_SESSION_ID) != sessionId) {
            long inner = plain.getLongLE(plain.readerIndex() + Smb2Header.OFFSET_SESSION_ID);
            throw new SmbProtocolException(String.format("decrypted message names session 0x%016X, its transform header 0x%016X",
                    inner, sessionId));
        }
    }

    /** Messages from this size on (a large WRITE) are encrypted off the loop, see {@link #sealOffLoop}. */
    static final int OFF_LOOP_ENCRYPT = 64 * 1024;

    /**
     * Encrypts a large message on {@link #offLoop} with a nonce taken here, on the loop (so the
     * session's nonce sequence stays on one thread), then writes and flushes the frame from the
     * loop. It goes out after messages queued meanwhile, which SMB2 allows: message ids need to
     * fall in the credit window, not to arrive in order (MS-SMB2 3.3.5.2.3). A failure fails
     * the write's promise with the same protocol error as inline.
     */
    private void sealOffLoop(ChannelHandlerContext ctx, Seal seal, ChannelPromise promise) {
        MessageEncryptor.Sealer sealer;
        try {
            sealer = seal.security.reserveSeal();
        } catch (Throwable e) {
            seal.release();
            promise.setFailure(new SmbProtocolException("cannot encrypt message: " + e.getMessage(), e));
            return;
        }
        OffLoop.run(offLoop, ctx.executor(), () -> {
            try {
                return sealer.seal(ctx.alloc(), seal.content(), seal.sessionId);
            } finally {
                seal.release();
            }
        }, (sealed, failure) -> {
            if (failure != null) {
                // a nonce was taken and a message id spent, yet nothing went out: the engine's void
                // promise turns this into a connection failure (every request on it fails)
                promise.setFailure(new SmbProtocolException("cannot encrypt message: " + failure.getMessage(), failure));
            } else {
                ctx.writeAndFlush(sealed, promise); // on a closed channel this fails the promise and releases the frame
            }
        }, sealed -> {
            if (sealed != null) {
                sealed.release(); // the client is shutting down
            }
        });
    }

    /** Tests run off-loop decryption and encryption by hand (EmbeddedChannel's loop is not thread-safe). */
    void offLoopExecutor(Executor executor) {
        this.offLoop = executor;
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
        try {
            checkSession(plain, sessionId);
        } catch (SmbProtocolException e) {
            plain.release();
            throw e;
        }
        return plain;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof Seal seal)) {
            ctx.write(msg, promise);
            return;
        }
        if (seal.content().readableBytes() >= OFF_LOOP_ENCRYPT && seal.security.encryptsConcurrently()) {
            sealOffLoop(ctx, seal, promise);
            return;
        }
        ByteBuf sealed;
        try {
            sealed = seal.security.encrypt(ctx.alloc(), seal.content(), seal.sessionId);
        } catch (Throwable e) {
            promise.setFailure(new SmbProtocolException("cannot encrypt message: " + e.getMessage(), e));
            return;
        } finally {
            seal.release();
        }
        ctx.write(sealed, promise);
    }
}
