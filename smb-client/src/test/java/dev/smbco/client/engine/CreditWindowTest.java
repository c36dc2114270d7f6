package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditWindowTest {
    @Test
    void startsWithOneCreditAndHandsOutConsecutiveMessageIds() {
        CreditWindow w = new CreditWindow(64, 1 << 20);
        assertThat(w.tryAcquire(1, 0)).isZero();
        assertThat(w.tryAcquire(1, 0)).isEqualTo(-1);
        w.grant(10);
        assertThat(w.tryAcquire(3, 0)).isEqualTo(1);
        assertThat(w.tryAcquire(1, 0)).isEqualTo(4);
        assertThat(w.available()).isEqualTo(6);
        assertThat(w.nextMessageId()).isEqualTo(5);
    }

    @Test
    void asksToClimbToTheTargetAndThenOnlyToReplaceWhatItUses() {
        CreditWindow w = new CreditWindow(100, 1 << 20);
        w.tryAcquire(1, 0);
        assertThat(w.creditRequest(1)).isEqualTo(100);
        w.finished(1, 0);
        w.grant(100);
        w.tryAcquire(5, 0);
        assertThat(w.creditRequest(5)).isEqualTo(5);
    }

    @Test
    void theMemoryBudgetLetsOneOversizedTransferGoAlone() {
        CreditWindow w = new CreditWindow(1000, 100);
        w.grant(999);
        assertThat(w.tryAcquire(1, 500)).isNotNegative(); // alone: allowed
        assertThat(w.tryAcquire(1, 10)).isEqualTo(-1);    // over budget while the big one flies
        assertThat(w.tryAcquire(1, 0)).isNotNegative();   // small requests are not held back
        w.finished(1, 500);
        assertThat(w.tryAcquire(1, 60)).isNotNegative();
        assertThat(w.tryAcquire(1, 60)).isEqualTo(-1);
    }
}
