package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.SmbException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzes the client's receive path below the codecs: {@link DirectTcpFrameDecoder} (MS-SMB2 2.1
 * framing), {@link TransformHandler} (transform frames, 2.2.41) and the engine's compound walk and
 * request matching, all on the real pipeline of an {@link io.netty.channel.embedded.EmbeddedChannel}
 * with a NEGOTIATE pending. Each try feeds a mutated byte stream (valid responses, compounds,
 * interim + final pairs, transform frames, junk; then bit flips, interesting values in the length
 * prefix and NextCommand, truncations, appended bytes) in random fragments.
 *
 * <p>Properties: nothing but a typed {@link SmbException} escapes or fails the request (never an
 * IndexOutOfBounds, NullPointer, IllegalArgument/State, NegativeArraySize...); the pending request
 * ends at most once while the connection lives and exactly once when it closes; no buffer leaks
 * ({@link NoLeaks}, PARANOID). Seeded: a failure names the seed that reproduces it.
 */
@ExtendWith(NoLeaks.class)
class TransportDecoderFuzzTest {
    private static final int TRIES = 4_000;
    private static final long BASE_SEED = Long.getLong("smbco.fuzz.seed", 0x7C9_2026L);
    private static final int[] INTERESTING = {0, 1, 0x3F, 0x40, 0x41, 0x44, 0x48, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000, 0xFFFFFF};
    private static final List<Class<? extends Throwable>> UNTYPED = List.of(IndexOutOfBoundsException.class,
            NullPointerException.class, IllegalArgumentException.class, IllegalStateException.class, ClassCastException.class,
            NegativeArraySizeException.class, ArithmeticException.class, UnsupportedOperationException.class);

    private final AtomicLong bytesFed = new AtomicLong();

    @Test
    void mutatedStreamsFailTypedAndEndTheRequestOnce() {
        long start = BASE_SEED;
        int tries = 0;
        for (int i = 0; i < TRIES; i++) {
            long seed = start + i;
            try {
                oneTry(new Random(seed));
                tries++;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("try " + i + " failed (seed " + seed + "): " + e, e);
            }
        }
        assertThat(tries).isEqualTo(TRIES);
        assertThat(bytesFed.get()).as("bytes fed through the pipeline").isGreaterThan((long) TRIES * 64);
    }

    private void oneTry(Random random) {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler r = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, r);
        Smb2Header request = h.sent().get(0);
        byte[] stream = mutate(seed(request, random), random);
        bytesFed.addAndGet(stream.length);
        ByteBuf all = Unpooled.wrappedBuffer(stream);
        try {
            while (all.isReadable()) {
                int n = 1 + random.nextInt(Math.min(all.readableBytes(), random.nextBoolean() ? 7 : 200));
                ByteBuf piece = all.readRetainedSlice(n);
                try {
                    h.channel.writeInbound(piece);
                } catch (RuntimeException escaped) {
                    assertTyped(escaped, "escaped the pipeline");
                }
                if (!h.channel.isOpen()) {
                    break;
                }
            }
        } finally {
            all.release();
        }
        assertThat(r.outcomes()).as("the request ended at most once").isLessThanOrEqualTo(1);
        h.channel.close();
        h.channel.finishAndReleaseAll();
        assertThat(r.outcomes()).as("the request ended exactly once when the connection closed").isEqualTo(1);
        for (RuntimeException f : r.failures) {
            assertTyped(f, "failed the request");
        }
    }

    private static void assertTyped(Throwable t, String where) {
        Throwable top = t instanceof DecoderException && t.getCause() != null ? t.getCause() : t;
        assertThat(top).as("what " + where).isInstanceOf(SmbException.class);
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            for (Class<? extends Throwable> bad : UNTYPED) {
                assertThat(c).as("a cause of what " + where + ": " + t).isNotInstanceOf(bad);
            }
        }
    }

    /** A well-formed stream: a response, a compound, an interim + final pair, a transform frame, or junk. */
    private static byte[] seed(Smb2Header request, Random random) {
        ByteBuf b = Unpooled.buffer();
        try {
            switch (random.nextInt(5)) {
                case 0 -> frame(b, m -> EngineHarness.responseMessage(m, request, 0, 5, 0, 0, 0));
                case 1 -> frame(b, m -> {
                    EngineHarness.responseMessage(m, request, 0, 5, 0, 0, 72);
                    EngineHarness.responseMessage(m, request, 0, 1, Smb2Header.FLAG_RELATED_OPERATIONS, 0, 0);
                });
                case 2 -> {
                    frame(b, m -> EngineHarness.responseMessage(m, request, 0x00000103, 1, Smb2Header.FLAG_ASYNC_COMMAND, 9, 0));
                    frame(b, m -> EngineHarness.responseMessage(m, request, 0, 1, Smb2Header.FLAG_ASYNC_COMMAND, 9, 0));
                }
                case 3 -> frame(b, m -> { // MS-SMB2 2.2.41 transform header, then "ciphertext"
                    m.writeInt(0xFD534D42);
                    byte[] rest = new byte[48 + random.nextInt(120)];
                    random.nextBytes(rest);
                    m.writeBytes(rest);
                    int start = m.writerIndex() - rest.length - 4;
                    m.setIntLE(start + 36, rest.length - 48); // OriginalMessageSize (4 bytes) at 36
                    m.setShortLE(start + 42, 1);              // Flags (2 bytes) at 42: Encrypted
                });
                default -> {
                    byte[] junk = new byte[random.nextInt(300)];
                    random.nextBytes(junk);
                    b.writeInt(junk.length);
                    b.writeBytes(junk);
                }
            }
            byte[] out = new byte[b.readableBytes()];
            b.readBytes(out);
            return out;
        } finally {
            b.release();
        }
    }

    /** Writes a Direct TCP frame: the 4-byte prefix (0, 24-bit length), then what {@code body} writes. */
    private static void frame(ByteBuf b, java.util.function.Consumer<ByteBuf> body) {
        int lengthAt = b.writerIndex();
        b.writeInt(0);
        body.accept(b);
        b.setInt(lengthAt, b.writerIndex() - lengthAt - 4);
    }

    /** 0..4 mutations: a bit flip, an interesting value in the prefix or NextCommand, a truncation, junk appended. */
    private static byte[] mutate(byte[] in, Random random) {
        byte[] b = in.clone();
        int n = random.nextInt(5);
        for (int i = 0; i < n && b.length > 0; i++) {
            switch (random.nextInt(6)) {
                case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> { // StreamProtocolLength
                    int v = INTERESTING[random.nextInt(INTERESTING.length)];
                    if (b.length >= 4) {
                        b[1] = (byte) (v >>> 16);
                        b[2] = (byte) (v >>> 8);
                        b[3] = (byte) v;
                    }
                }
                case 2 -> { // NextCommand of the first message (prefix 4 + header offset 20), little-endian
                    int v = INTERESTING[random.nextInt(INTERESTING.length)];
                    for (int k = 0; k < 4 && 24 + k < b.length; k++) {
                        b[24 + k] = (byte) (v >>> (8 * k));
                    }
                }
                case 3 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
                case 4 -> b[random.nextInt(b.length)] = (byte) random.nextInt(256);
                default -> {
                    byte[] tail = new byte[1 + random.nextInt(80)];
                    random.nextBytes(tail);
                    byte[] grown = Arrays.copyOf(b, b.length + tail.length);
                    System.arraycopy(tail, 0, grown, b.length, tail.length);
                    b = grown;
                }
            }
        }
        return b;
    }
}
