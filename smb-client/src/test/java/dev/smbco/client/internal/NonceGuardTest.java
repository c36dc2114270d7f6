package dev.smbco.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonceGuardTest {
    private static byte[] nonce(int n) {
        byte[] b = new byte[16];
        b[0] = (byte) n;
        b[1] = (byte) (n >> 8);
        b[2] = (byte) (n >> 16);
        return b;
    }

    @Test
    void aRepeatedNonceIsAReuse() {
        NonceGuard g = new NonceGuard();
        assertThat(g.firstUse(nonce(1))).isTrue();
        assertThat(g.firstUse(nonce(2))).isTrue();
        assertThat(g.firstUse(nonce(1))).isFalse();
    }

    @Test
    void theWindowIsBounded() {
        NonceGuard g = new NonceGuard();
        for (int i = 0; i <= NonceGuard.WINDOW; i++) {
            assertThat(g.firstUse(nonce(i))).isTrue();
        }
        assertThat(g.firstUse(nonce(NonceGuard.WINDOW))).isFalse(); // still remembered
        assertThat(g.firstUse(nonce(0))).isTrue();                  // fell out of the window
    }
}
