package dev.smbco.protocol.testing;

import java.util.Random;
import java.util.function.Consumer;

/**
 * Seeded randomness for property and fuzz tests, without a framework: every run is
 * reproducible from one seed (fixed by default; {@code -Dsmbco.fuzz.seed=N} picks another),
 * and a failing try names the seed that regenerates it.
 */
public final class Seeds {
    private static final String SAMPLE = "Ünïcødé 日本語 🎉";

    /** The base seed of this run. */
    public static final long BASE = Long.getLong("smbco.fuzz.seed", 0x5EB_C0_2026L);

    private Seeds() {
    }

    /**
     * Runs {@code tries} tries, each with its own {@link Random} derived from the base seed and
     * {@code salt}; a failure is rethrown with the try's seed in the message.
     */
    public static void forEachTry(String salt, int tries, Consumer<Random> body) {
        long start = BASE ^ salt.hashCode() * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < tries; i++) {
            long seed = start + i;
            try {
                body.accept(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(salt + ": try " + i + " failed (seed " + seed + "): " + e, e);
            }
        }
    }

    /** Random bytes, length in [0, maxLength]. */
    public static byte[] bytes(Random r, int maxLength) {
        byte[] b = new byte[r.nextInt(maxLength + 1)];
        r.nextBytes(b);
        return b;
    }

    /**
     * A random string of up to {@code maxChars} UTF-16 units drawn from ASCII, Latin-1, the BMP
     * (lone surrogates included when {@code loneSurrogates}) and supplementary planes.
     */
    public static String string(Random r, int maxChars, boolean loneSurrogates) {
        int n = r.nextInt(maxChars + 1);
        StringBuilder sb = new StringBuilder(n);
        while (sb.length() < n) {
            switch (r.nextInt(5)) {
                case 0 -> sb.append((char) (0x20 + r.nextInt(0x5F)));
                case 1 -> sb.append((char) (0xA0 + r.nextInt(0x160)));
                case 2 -> {
                    char c = (char) r.nextInt(0x10000);
                    if (loneSurrogates || !Character.isSurrogate(c)) {
                        sb.append(c);
                    }
                }
                case 3 -> {
                    if (sb.length() + 2 <= n) {
                        sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                    }
                }
                default -> sb.append(SAMPLE.charAt(r.nextInt(SAMPLE.length() - 2))); // never half of the emoji
            }
        }
        return sb.toString();
    }
}
