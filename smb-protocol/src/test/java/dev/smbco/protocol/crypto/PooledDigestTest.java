package dev.smbco.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link MessageSigner#digestTail} with reused (pooled) GCM ciphers gives exactly the digest of the
 * previous route, a fresh {@code Cipher} per call (written out here as the reference), and the
 * signature of signing the whole message: over random payloads at random offsets of direct, heap
 * and composite buffers, one digest after another on one signer (so every pooled cipher is reused,
 * and lengths change so the zero run's tag is replaced), and from several threads at once.
 */
class PooledDigestTest {
    /** A WRITE's head: 64-byte header and 48 bytes of fixed body. */
    private static final int HEAD = 112;

    @Test
    void reusedCiphersDigestLikeAFreshCipherPerCallAndSignLikeTheWholeMessage() throws Exception {
        Random random = new Random(0x5eed);
        byte[] key = new byte[16];
        random.nextBytes(key);
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, key);
        int[] lengths = {65_536, 983_040, 983_040, 1, 4095, 200_003, 983_040, 65_536 + 7, 0, 1 << 20};
        for (int round = 0; round < 3; round++) {
            for (int length : lengths) {
                checkOne(random, key, signer, length);
            }
        }
    }

    @Test
    void digestsFromManyThreadsAtOnceMatchTheReference() throws Exception {
        byte[] key = new byte[16];
        new Random(8).nextBytes(key);
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, key);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int t = 0; t < 12; t++) {
                int seed = t;
                Callable<Void> task = () -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 8; i++) {
                        // two lengths in turn: the shared zero-run cache is replaced under the threads' feet
                        ByteBuf data = Unpooled.directBuffer(i % 2 == 0 ? 300_000 : 300_016);
                        byte[] bytes = new byte[data.capacity()];
                        random.nextBytes(bytes);
                        data.writeBytes(bytes);
                        try {
                            TailDigest d = signer.digestTail(data);
                            long[] expected = reference(key, bytes, 0, bytes.length);
                            assertThat(new long[] {d.high, d.low}).isEqualTo(expected);
                        } finally {
                            data.release();
                        }
                    }
                    return null;
                };
                done.add(pool.submit(task));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** One random payload at a random offset of a random kind of buffer: same digest as the reference, same signature as whole. */
    private static void checkOne(Random random, byte[] key, MessageSigner signer, int length) throws GeneralSecurityException {
        byte[] payload = new byte[length];
        random.nextBytes(payload);
        int before = random.nextInt(4096);
        int kind = random.nextInt(3);
        ByteBuf outer = kind == 0 ? Unpooled.directBuffer(before + length + 100) : Unpooled.buffer(before + length + 100);
        outer.writeZero(before).writeBytes(payload).writeZero(100);
        ByteBuf tail = outer.slice(before, length);
        boolean composite = kind == 2 && length > 1;
        if (composite) { // the caller's data as several components
            int cut = 1 + random.nextInt(length - 1);
            CompositeByteBuf c = Unpooled.compositeBuffer();
            c.addComponents(true, Unpooled.wrappedBuffer(payload, 0, cut), Unpooled.directBuffer(length - cut).writeBytes(payload, cut, length - cut));
            tail = c;
        }
        ByteBuf whole = MessageSignerTest.message(random, Command.WRITE, false, random.nextLong() >>> 1, HEAD - 64 + length);
        whole.setBytes(HEAD, payload);
        ByteBuf split = whole.copy();
        try {
            TailDigest digest = signer.digestTail(tail);
            assertThat(new long[] {digest.high, digest.low}).as("digest of %d bytes at offset %d, kind %d", length, before, kind)
                    .isEqualTo(reference(key, payload, 0, length));
            assertThat(tail.readerIndex()).isZero(); // indices untouched
            signer.sign(whole);
            signer.sign(split, digest);
            assertThat(ByteBufUtil.getBytes(split)).isEqualTo(ByteBufUtil.getBytes(whole));
            byte[] zeroed = ByteBufUtil.getBytes(split);
            Arrays.fill(zeroed, 48, 64, (byte) 0);
            assertThat(Arrays.copyOfRange(ByteBufUtil.getBytes(split), 48, 64))
                    .isEqualTo(MessageSignerTest.independent(SigningAlgorithm.AES_GMAC, key, zeroed));
        } finally {
            whole.release();
            split.release();
            if (composite) {
                tail.release();
            }
            outer.release();
        }
    }

    /** The previous route, verbatim in effect: a fresh cipher per tag, the data's tag XOR the zero run's. */
    private static long[] reference(byte[] key, byte[] data, int from, int length) throws GeneralSecurityException {
        long[] d = freshTag(key, Arrays.copyOfRange(data, from, from + length));
        long[] z = freshTag(key, new byte[length]);
        return new long[] {d[0] ^ z[0], d[1] ^ z[1]};
    }

    private static long[] freshTag(byte[] key, byte[] bytes) throws GeneralSecurityException {
        Cipher g = Cipher.getInstance("AES/GCM/NoPadding");
        g.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, new byte[12]));
        byte[] out = g.doFinal(bytes);
        ByteBuffer t = ByteBuffer.wrap(out, out.length - 16, 16);
        return new long[] {t.getLong(), t.getLong()};
    }
}
