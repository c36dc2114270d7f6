package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.MessageDecryptor;
import dev.smbco.protocol.crypto.MessageEncryptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Large transform frames are decrypted off the event loop and passed on from it; the replay and
 * session checks stay on the loop; failures become the same protocol errors as inline; a frame
 * whose plaintext comes back after the connection went down is released.
 */
@ExtendWith(NoLeaks.class)
class OffLoopDecryptTest {
    private static final long SESSION = 0x0102030405060708L;
    private static final byte[] KEY = new byte[16];
    private static final int SIZE = TransformHandler.OFF_LOOP_DECRYPT + 5_000;

    private final ArrayDeque<Runnable> offLoop = new ArrayDeque<>();
    private final List<Object> reads = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final TransformHandler transform = new TransformHandler();
    private final EmbeddedChannel channel;
    private final MessageEncryptor encryptor = MessageEncryptor.create(CipherId.AES_128_GCM, KEY);

    OffLoopDecryptTest() {
        transform.offLoopExecutor(offLoop::add);
        transform.register(SESSION, new GcmSecurity());
        channel = new EmbeddedChannel(transform, new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                reads.add(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                errors.add(cause);
            }
        });
    }

    /** Real AES-128-GCM both ways; the loop-side nonce guard remembers every nonce. */
    private static class GcmSecurity extends TestSecurity {
        private final MessageDecryptor loopDecryptor = MessageDecryptor.create(CipherId.AES_128_GCM, KEY);
        private final Set<String> nonces = new HashSet<>();

        @Override
        public boolean canEncrypt() {
            return true;
        }

        @Override
        public ByteBuf decrypt(ByteBuf frame) {
            return loopDecryptor.decrypt(frame);
        }

        @Override
        public boolean decryptsConcurrently() {
            return true;
        }

        @Override
        public ByteBuf decryptConcurrently(ByteBuf frame) {
            return MessageDecryptor.create(CipherId.AES_128_GCM, KEY).decrypt(frame);
        }

        @Override
        public void acceptNonce(byte[] nonce) {
            if (!nonces.add(ByteBufUtil.hexDump(nonce))) {
                throw new SmbProtocolException("the server reused a nonce of an earlier encrypted response");
            }
        }
    }

    private ByteBuf message(int size, long sessionId, int seed) {
        ByteBuf m = Unpooled.buffer(size);
        new Smb2Header(1, 0, Command.READ, 1, Smb2Header.FLAG_SERVER_TO_REDIR, 0, seed, 0, 0, 1, sessionId, null).encode(m);
        byte[] body = new byte[size - Smb2Header.SIZE];
        new Random(seed).nextBytes(body);
        return m.writeBytes(body);
    }

    /** A sealed frame as the decoder hands it on (direct, one region, room after it). */
    private ByteBuf sealed(ByteBuf plain) {
        ByteBuf frame = encryptor.encrypt(ByteBufAllocator.DEFAULT, plain, SESSION);
        ByteBuf received = ByteBufAllocator.DEFAULT.directBuffer(frame.readableBytes() + 16).writeBytes(frame);
        frame.release();
        return received;
    }

    private void runOffLoop() {
        for (Runnable r; (r = offLoop.poll()) != null; ) {
            r.run();
        }
        channel.runPendingTasks();
    }

    /** An Error off the loop (OutOfDirectMemoryError, say) becomes the connection's protocol error; the frame is released. */
    @Test
    void anErrorWhileDecryptingIsAProtocolErrorAndLeaksNothing() {
        transform.register(SESSION, new GcmSecurity() {
            @Override
            public ByteBuf decryptConcurrently(ByteBuf frame) {
                throw new OutOfMemoryError("no direct memory");
            }
        });
        ByteBuf plain = message(SIZE, SESSION, 7);
        channel.writeInbound(sealed(plain));
        plain.release();
        runOffLoop();
        assertThat(reads).isEmpty();
        assertThat(errors).singleElement().isInstanceOf(SmbProtocolException.class)
                .extracting(Throwable::getMessage).asString().contains("no direct memory");
        assertFalse(channel.finish()); // NoLeaks: the sealed frame was released
    }

    @Test
    void aLargeFrameIsDecryptedOffTheLoopAndPassedOnFromIt() {
        ByteBuf plain = message(SIZE, SESSION, 1);
        channel.writeInbound(sealed(plain));
        assertThat(reads).isEmpty();
        assertThat(offLoop).hasSize(1);
        runOffLoop();
        assertThat(reads).singleElement().isInstanceOf(TransformHandler.Decrypted.class);
        TransformHandler.Decrypted d = (TransformHandler.Decrypted) reads.get(0);
        assertThat(ByteBufUtil.equals(d.content(), plain)).isTrue();
        d.release();
        plain.release();
        assertThat(errors).isEmpty();
        assertFalse(channel.finish());
    }

    @Test
    void aSmallFrameIsStillDecryptedInline() {
        ByteBuf plain = message(1000, SESSION, 2);
        channel.writeInbound(sealed(plain));
        assertThat(offLoop).isEmpty();
        assertThat(reads).singleElement().isInstanceOf(TransformHandler.Decrypted.class);
        ((TransformHandler.Decrypted) reads.get(0)).release();
        plain.release();
        assertFalse(channel.finish());
    }

    @Test
    void aTamperedLargeFrameIsAProtocolErrorRaisedOnTheLoop() {
        ByteBuf plain = message(SIZE, SESSION, 3);
        ByteBuf frame = sealed(plain);
        frame.setByte(frame.writerIndex() - 1, frame.getByte(frame.writerIndex() - 1) ^ 1);
        channel.writeInbound(frame);
        runOffLoop();
        assertThat(reads).isEmpty();
        assertThat(errors).singleElement().isInstanceOf(SmbProtocolException.class)
                .extracting(Throwable::getMessage).asString().startsWith("cannot decrypt frame");
        plain.release();
        assertFalse(channel.finish());
    }

    @Test
    void aReplayedLargeFrameIsRefusedByTheLoopsNonceCheck() {
        ByteBuf plain = message(SIZE, SESSION, 4);
        ByteBuf frame = sealed(plain);
        ByteBuf replay = frame.copy();
        channel.writeInbound(frame);
        channel.writeInbound(replay);
        runOffLoop();
        assertThat(reads).hasSize(1);
        ((TransformHandler.Decrypted) reads.get(0)).release();
        assertThat(errors).singleElement().isInstanceOf(SmbProtocolException.class)
                .extracting(Throwable::getMessage).asString().contains("reused a nonce");
        plain.release();
        assertFalse(channel.finish());
    }

    @Test
    void aMessageOfAnotherSessionInsideIsRefused() {
        ByteBuf plain = message(SIZE, SESSION + 1, 5);
        channel.writeInbound(sealed(plain));
        runOffLoop();
        assertThat(reads).isEmpty();
        assertThat(errors).singleElement().isInstanceOf(SmbProtocolException.class)
                .extracting(Throwable::getMessage).asString().contains("names session");
        plain.release();
        assertFalse(channel.finish());
    }

    @Test
    void plaintextThatComesBackAfterTheConnectionWentDownIsReleased() {
        ByteBuf plain = message(SIZE, SESSION, 6);
        channel.writeInbound(sealed(plain));
        channel.close();
        runOffLoop();
        assertThat(reads).isEmpty();
        plain.release();
        assertFalse(channel.finish()); // NoLeaks: the decrypted frame was released
    }
}
