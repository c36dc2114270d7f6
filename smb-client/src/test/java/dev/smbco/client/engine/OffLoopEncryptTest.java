package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.MessageDecryptor;
import dev.smbco.protocol.crypto.MessageEncryptor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Large messages are encrypted off the event loop with a nonce taken on it and written from it;
 * small ones inline; every frame gets its own nonce; failures fail the write; a frame sealed
 * after the connection went down is released.
 */
@ExtendWith(NoLeaks.class)
class OffLoopEncryptTest {
    private static final long SESSION = 0x0A0B0C0D0E0F1011L;
    private static final byte[] KEY = new byte[16];

    private final ArrayDeque<Runnable> offLoop = new ArrayDeque<>();
    private final TransformHandler transform = new TransformHandler();
    private final EmbeddedChannel channel;
    private final MessageDecryptor decryptor = MessageDecryptor.create(CipherId.AES_128_GCM, KEY);

    OffLoopEncryptTest() {
        transform.offLoopExecutor(offLoop::add);
        channel = new EmbeddedChannel(transform);
    }

    /** Real AES-128-GCM; optionally failing when sealing off the loop. */
    private static final class GcmSecurity extends TestSecurity {
        private final MessageEncryptor encryptor = MessageEncryptor.create(CipherId.AES_128_GCM, KEY);
        private final boolean failOffLoop;
        private final Error error;

        GcmSecurity(boolean failOffLoop) {
            this(failOffLoop, null);
        }

        /** Sealing off the loop throws {@code error} (an Error, not a RuntimeException). */
        GcmSecurity(Error error) {
            this(false, error);
        }

        private GcmSecurity(boolean failOffLoop, Error error) {
            this.failOffLoop = failOffLoop;
            this.error = error;
        }

        @Override
        public boolean canEncrypt() {
            return true;
        }

        @Override
        public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
            return encryptor.encrypt(alloc, plain, sessionId);
        }

        @Override
        public boolean encryptsConcurrently() {
            return true;
        }

        @Override
        public MessageEncryptor.Sealer reserveSeal() {
            MessageEncryptor.Sealer sealer = encryptor.reserve();
            if (error != null) {
                return (alloc, plain, sessionId) -> {
                    throw error;
                };
            }
            return failOffLoop ? (alloc, plain, sessionId) -> {
                throw new IllegalStateException("sealing failed");
            } : sealer;
        }
    }

    private static ByteBuf message(int size, int seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return ByteBufAllocator.DEFAULT.directBuffer(size).writeBytes(b);
    }

    private ChannelPromise write(ByteBuf plain, MessageSecurity security) {
        ChannelPromise promise = channel.newPromise();
        channel.writeAndFlush(new TransformHandler.Seal(plain, security, SESSION), promise);
        return promise;
    }

    private void runOffLoop() {
        for (Runnable r; (r = offLoop.poll()) != null; ) {
            r.run();
        }
        channel.runPendingTasks();
    }

    /** Decrypts what went out and checks it against {@code expected}; returns the frame's nonce. */
    private String opened(ByteBuf expected) {
        ByteBuf frame = channel.readOutbound();
        assertThat(frame).isNotNull();
        String nonce = ByteBufUtil.hexDump(frame, frame.readerIndex() + 20, 16);
        ByteBuf plain = decryptor.decrypt(frame);
        assertThat(ByteBufUtil.equals(plain, expected)).isTrue();
        plain.release();
        frame.release();
        return nonce;
    }

    @Test
    void largeMessagesAreSealedOffTheLoopAndEveryFrameHasItsOwnNonce() {
        GcmSecurity security = new GcmSecurity(false);
        ByteBuf big1 = message(TransformHandler.OFF_LOOP_ENCRYPT + 1_000, 1);
        ByteBuf small = message(500, 2);
        ByteBuf big2 = message(TransformHandler.OFF_LOOP_ENCRYPT * 2, 3);
        ByteBuf[] expected = {big1.copy(), small.copy(), big2.copy()};
        ChannelPromise p1 = write(big1, security);
        ChannelPromise p2 = write(small, security);
        ChannelPromise p3 = write(big2, security);
        assertThat(offLoop).hasSize(2);
        assertThat(p2.isSuccess()).as("the small one went out inline").isTrue();
        Set<String> nonces = new HashSet<>();
        nonces.add(opened(expected[1]));
        assertThat((Object) channel.readOutbound()).as("nothing else yet").isNull();
        runOffLoop();
        assertThat(p1.isSuccess()).isTrue();
        assertThat(p3.isSuccess()).isTrue();
        nonces.add(opened(expected[0]));
        nonces.add(opened(expected[2]));
        assertThat(nonces).hasSize(3);
        for (ByteBuf e : expected) {
            e.release();
        }
        assertFalse(channel.finish());
    }

    @Test
    void aFailureWhileSealingFailsTheWriteAndReleasesTheMessage() {
        ChannelPromise p = write(message(TransformHandler.OFF_LOOP_ENCRYPT, 4), new GcmSecurity(true));
        runOffLoop();
        assertThat(p.cause()).isInstanceOf(SmbProtocolException.class).hasMessageContaining("cannot encrypt message: sealing failed");
        assertThat((Object) channel.readOutbound()).isNull();
        assertFalse(channel.finish()); // NoLeaks: the plaintext was released
    }

    /** An Error off the loop (OutOfDirectMemoryError, say) fails the write too: the engine's void promise then fails the connection. */
    @Test
    void anErrorWhileSealingFailsTheWriteAndReleasesTheMessage() {
        ChannelPromise p = write(message(TransformHandler.OFF_LOOP_ENCRYPT, 6), new GcmSecurity(new OutOfMemoryError("no direct memory")));
        runOffLoop();
        assertThat(p.cause()).isInstanceOf(SmbProtocolException.class).hasMessageContaining("no direct memory");
        assertThat((Object) channel.readOutbound()).isNull();
        assertFalse(channel.finish()); // NoLeaks: the plaintext was released
    }

    @Test
    void aFrameSealedAfterTheConnectionWentDownIsReleased() {
        ChannelPromise p = write(message(TransformHandler.OFF_LOOP_ENCRYPT, 5), new GcmSecurity(false));
        channel.close();
        runOffLoop();
        assertThat(p.isSuccess()).isFalse();
        assertFalse(channel.finish()); // NoLeaks: the sealed frame was released
    }
}
