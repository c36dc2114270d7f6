package dev.smbco.protocol.fscc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Property-based half of the decoder fuzzing (jqwik): random byte arrays, and valid samples with
 * random structure-aware mutations (length and offset fields set to boundary values, bytes
 * flipped, inputs cut or extended), fed to EVERY decoder. Only SmbDecodeException may escape.
 */
class DecoderFuzzTest {
    static final int TRIES = 1_000;
    private static final AtomicLong RANDOM_INPUTS = new AtomicLong();
    private static final AtomicLong MUTATED_INPUTS = new AtomicLong();
    private static final long[] INTERESTING = {0, 1, 2, 3, 4, 7, 8, 12, 16, 20, 24, 64, 94, 104, 0xFF, 0xFFFF, 0x7FFF_FFFFL,
            0x8000_0000L, 0xFFFF_FFFEL, 0xFFFF_FFFFL};

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED)
    void randomBytesOnlyEverFailWithDecodeException(@ForAll @Size(max = 300) byte[] input) {
        for (FuzzTargets.Target t : FuzzTargets.ALL) {
            FuzzTargets.check(t, input, (input.length & 1) == 1, RANDOM_INPUTS);
        }
    }

    @Property(tries = TRIES, generation = GenerationMode.RANDOMIZED)
    void mutatedSamplesOnlyEverFailWithDecodeException(@ForAll long seed) {
        Random random = new Random(seed);
        for (FuzzTargets.Target t : FuzzTargets.ALL) {
            byte[] sample = t.samples().get(random.nextInt(t.samples().size()));
            FuzzTargets.check(t, mutate(sample, random), random.nextBoolean(), MUTATED_INPUTS);
        }
    }

    /** One to four mutations: boundary values in 1/2/4-byte fields, bit flips, random bytes, cuts, growth. */
    static byte[] mutate(byte[] sample, Random random) {
        byte[] b = sample.clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            if (b.length == 0) {
                b = new byte[1 + random.nextInt(8)];
                random.nextBytes(b);
                continue;
            }
            int pos = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0, 1 -> { // a 4-byte little-endian field set to a boundary value or a length near the input's
                    long v = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)]
                            : b.length - pos + random.nextInt(9) - 4;
                    int at = pos & ~3;
                    for (int k = 0; k < 4 && at + k < b.length; k++) {
                        b[at + k] = (byte) (v >>> (8 * k));
                    }
                }
                case 2 -> { // a 2-byte field (AclSize, AceSize, AceCount, Control)
                    long v = INTERESTING[random.nextInt(INTERESTING.length)];
                    b[pos] = (byte) v;
                    if (pos + 1 < b.length) {
                        b[pos + 1] = (byte) (v >>> 8);
                    }
                }
                case 3 -> b[pos] ^= (byte) (1 << random.nextInt(8));
                case 4 -> b[pos] = (byte) random.nextInt(256);
                case 5 -> b = Arrays.copyOf(b, random.nextInt(b.length + 1));
                default -> {
                    byte[] tail = new byte[random.nextInt(32)];
                    random.nextBytes(tail);
                    byte[] grown = Arrays.copyOf(b, b.length + tail.length);
                    System.arraycopy(tail, 0, grown, b.length, tail.length);
                    b = grown;
                }
            }
        }
        return b;
    }

    @AfterContainer
    static void everyTryReachedEveryDecoder() {
        long perProperty = (long) TRIES * FuzzTargets.ALL.size();
        assertThat(RANDOM_INPUTS.get()).isEqualTo(perProperty);
        assertThat(MUTATED_INPUTS.get()).isEqualTo(perProperty);
    }
}
