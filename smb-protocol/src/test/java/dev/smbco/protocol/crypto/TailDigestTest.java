package dev.smbco.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Split AES-GMAC signing: a tail digested ahead of time gives the same signature as signing the whole message. */
class TailDigestTest {
    /** A WRITE's head: 64-byte header and 48 bytes of fixed body (its data starts at offset 0x70). */
    private static final int HEAD = 112;

    @ParameterizedTest(name = "tail of {0} bytes")
    @ValueSource(ints = {0, 1, 15, 16, 17, 4095, 4096, 4097, 65_536, 300_001, 1 << 20})
    void splitSignatureEqualsWholeMessageSignatureAndBouncyCastle(int tailLength) {
        Random random = new Random(tailLength);
        byte[] key = new byte[16];
        random.nextBytes(key);
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, key);
        ByteBuf whole = MessageSignerTest.message(random, Command.WRITE, false, random.nextLong() >>> 1, HEAD - 64 + tailLength);
        ByteBuf split = whole.copy();
        try {
            TailDigest digest = signer.digestTail(whole.slice(HEAD, tailLength));
            assertThat(digest.length()).isEqualTo(tailLength);
            signer.sign(whole);
            signer.sign(split, digest);
            assertThat(ByteBufUtil.getBytes(split)).isEqualTo(ByteBufUtil.getBytes(whole));
            byte[] zeroed = ByteBufUtil.getBytes(split);
            Arrays.fill(zeroed, 48, 64, (byte) 0);
            assertThat(Arrays.copyOfRange(ByteBufUtil.getBytes(split), 48, 64))
                    .isEqualTo(MessageSignerTest.independent(SigningAlgorithm.AES_GMAC, key, zeroed));
            assertThat(signer.verify(split)).isTrue();
        } finally {
            whole.release();
            split.release();
        }
    }

    @Test
    void digestOfAChangedTailDoesNotVerify() {
        Random random = new Random(5);
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, new byte[16]);
        ByteBuf msg = MessageSignerTest.message(random, Command.WRITE, false, 9, HEAD - 64 + 70_000);
        try {
            TailDigest digest = signer.digestTail(msg.slice(HEAD, 70_000));
            msg.setByte(HEAD + 69_999, msg.getByte(HEAD + 69_999) ^ 1); // the data changed after it was digested
            signer.sign(msg, digest);
            assertThat(signer.verify(msg)).isFalse();
        } finally {
            msg.release();
        }
    }

    @Test
    void compositeMessageLikeTheEngineSendsSignsTheSame() {
        Random random = new Random(11);
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, new byte[16]);
        ByteBuf flat = MessageSignerTest.message(random, Command.WRITE, false, 77, HEAD - 64 + 200_000);
        CompositeByteBuf composite = Unpooled.compositeBuffer(2)
                .addComponents(true, flat.copy(0, HEAD), flat.retainedSlice(HEAD, 200_000));
        try {
            TailDigest digest = signer.digestTail(composite.slice(HEAD, 200_000));
            signer.sign(composite, digest);
            signer.sign(flat);
            assertThat(ByteBufUtil.getBytes(composite)).isEqualTo(ByteBufUtil.getBytes(flat));
        } finally {
            composite.release();
            flat.release();
        }
    }

    @Test
    void digestsAreMadeOnAnyThreadWhileTheSignerIsBusy() throws ExecutionException, InterruptedException {
        Random random = new Random(3);
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, new byte[16]);
        ByteBuf[] msgs = new ByteBuf[8];
        for (int i = 0; i < msgs.length; i++) {
            msgs[i] = MessageSignerTest.message(random, Command.WRITE, false, 100 + i, HEAD - 64 + 100_000 + i);
        }
        try {
            @SuppressWarnings("unchecked")
            CompletableFuture<TailDigest>[] digests = new CompletableFuture[msgs.length];
            for (int i = 0; i < msgs.length; i++) {
                ByteBuf tail = msgs[i].slice(HEAD, msgs[i].readableBytes() - HEAD);
                digests[i] = CompletableFuture.supplyAsync(() -> signer.digestTail(tail));
            }
            ByteBuf busy = MessageSignerTest.message(random, Command.READ, true, 5, 1 << 20);
            for (int i = 0; i < 20; i++) {
                signer.sign(busy); // the owner thread keeps using the signer meanwhile
            }
            busy.release();
            for (int i = 0; i < msgs.length; i++) {
                ByteBuf expected = msgs[i].copy();
                signer.sign(expected);
                signer.sign(msgs[i], digests[i].get());
                assertThat(ByteBufUtil.getBytes(msgs[i])).as("message %d", i).isEqualTo(ByteBufUtil.getBytes(expected));
                expected.release();
            }
        } finally {
            for (ByteBuf m : msgs) {
                m.release();
            }
        }
    }

    @Test
    void unusableDigestsFallBackToSigningTheWholeMessage() {
        Random random = new Random(17);
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, new byte[16]);
        MessageSigner other = MessageSigner.create(SigningAlgorithm.AES_GMAC, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
        ByteBuf msg = MessageSignerTest.message(random, Command.WRITE, false, 21, 100_000);
        try {
            ByteBuf expected = msg.copy();
            signer.sign(expected);
            // another signer's digest, a head that does not end on a 16-byte boundary, no digest at all
            for (TailDigest d : new TailDigest[] {
                    other.digestTail(msg.slice(HEAD, msg.readableBytes() - HEAD)),
                    signer.digestTail(msg.slice(HEAD + 3, msg.readableBytes() - HEAD - 3)),
                    null}) {
                ByteBuf m = msg.copy();
                signer.sign(m, d);
                assertThat(ByteBufUtil.getBytes(m)).isEqualTo(ByteBufUtil.getBytes(expected));
                m.release();
            }
            expected.release();
        } finally {
            msg.release();
        }
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithm.class, names = {"HMAC_SHA256", "AES_CMAC"})
    void otherAlgorithmsCannotSplitAndSignAsBefore(SigningAlgorithm algorithm) {
        MessageSigner signer = MessageSigner.create(algorithm, new byte[16]);
        ByteBuf msg = MessageSignerTest.message(new Random(1), Command.WRITE, false, 3, 5000);
        try {
            assertThat(signer.digestTail(msg.slice(HEAD, 5000 - 48))).isNull();
            ByteBuf expected = msg.copy();
            signer.sign(expected);
            signer.sign(msg, null);
            assertThat(ByteBufUtil.getBytes(msg)).isEqualTo(ByteBufUtil.getBytes(expected));
            expected.release();
        } finally {
            msg.release();
        }
    }
}
