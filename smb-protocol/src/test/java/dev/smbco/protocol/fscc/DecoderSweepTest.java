package dev.smbco.protocol.fscc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Deterministic half of the decoder fuzzing: every prefix of every valid sample, and every byte
 * of every sample replaced by each of a few boundary values, fed to its decoder. Only
 * SmbDecodeException may escape (see {@link FuzzTargets#check}).
 */
class DecoderSweepTest {
    private static final byte[] REPLACEMENTS = {0x00, (byte) 0xFF, (byte) 0x80, 0x7F, 0x01, 0x08};

    @Test
    void everyTruncationOfEverySample() {
        AtomicLong count = new AtomicLong();
        long expected = 0;
        for (FuzzTargets.Target t : FuzzTargets.ALL) {
            for (byte[] sample : t.samples()) {
                for (int len = 0; len < sample.length; len++) {
                    FuzzTargets.check(t, Arrays.copyOf(sample, len), (len & 1) == 1, count);
                    expected++;
                }
            }
        }
        assertThat(count.get()).isEqualTo(expected).isGreaterThan(3_000);
    }

    @Test
    void everyByteOfEverySampleReplacedByBoundaryValues() {
        AtomicLong count = new AtomicLong();
        long expected = 0;
        for (FuzzTargets.Target t : FuzzTargets.ALL) {
            for (byte[] sample : t.samples()) {
                for (int pos = 0; pos < sample.length; pos++) {
                    for (byte r : REPLACEMENTS) {
                        byte[] mutated = sample.clone();
                        mutated[pos] = r;
                        FuzzTargets.check(t, mutated, (pos & 1) == 0, count);
                        expected++;
                    }
                }
            }
        }
        assertThat(count.get()).isEqualTo(expected).isGreaterThan(18_000);
    }

    @Test
    void everyDecoderIsCovered() {
        assertThat(FuzzTargets.ALL).hasSize(44);
        assertThat(FuzzTargets.ALL).allSatisfy(t -> assertThat(t.samples()).isNotEmpty());
    }
}
