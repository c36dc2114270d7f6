package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.NoLeaks;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The fairness half of the {@link CreditScheduler}'s policy (issue #11): the size classes, the
 * memory reserve for small requests, large I/O stepping back while small requests are active,
 * chains of small parts passing a waiting transfer, and credits asked for on demand. The clock is
 * the test's own: no test here waits.
 */
@ExtendWith(NoLeaks.class)
class CreditFairnessTest {
    private static final int MIB = 1 << 20;
    private static final long MS = 1_000_000;

    /** A clock the test moves by hand. */
    private static final class Clock {
        long now = 1_000 * MS;
    }

    /** A scheduler with {@code held} credits granted, the clock {@code c}, the NEGOTIATE's small activity long past. */
    private static CreditScheduler holding(Clock c, int held, long budget) {
        CreditScheduler s = new CreditScheduler(1024, budget, () -> c.now);
        s.tryAcquire(1, 0);
        s.responded(1, 0, held);
        c.now += 1_000 * MS;
        return s;
    }

    @Test
    void partsOfOneCreditAndAtMost64KiBAreSmall() {
        assertThat(CreditScheduler.isSmall(1, 0)).isTrue();
        assertThat(CreditScheduler.isSmall(1, 65536)).isTrue();
        assertThat(CreditScheduler.isSmall(1, 65537)).isFalse(); // SMB 2.0.2: one credit, but a large payload
        assertThat(CreditScheduler.isSmall(2, 0)).isFalse();
    }

    @Test
    void largeIoStepsBackWhileSmallRequestsAreActiveAndTakesTheBudgetBackAfterwards() {
        Clock c = new Clock();
        CreditScheduler s = holding(c, 1024, 64L * MIB);
        assertThat(s.transferSize(8 * MIB)).isEqualTo(8 * MIB);
        assertThat(s.tryAcquire(128, 8L * MIB)).isNotNegative();
        assertThat(s.tryAcquire(128, 8L * MIB)).isNotNegative(); // alone: the budget holds several
        long small = s.tryAcquire(1, 4096);
        assertThat(small).isNotNegative();
        assertThat(s.transferSize(8 * MIB)).isEqualTo(CreditScheduler.CONTENDED_IO);
        int io = CreditScheduler.CONTENDED_IO;
        int charge = io / CreditScheduler.CREDIT_BYTES;
        assertThat(s.tryAcquire(charge, io)).isEqualTo(CreditScheduler.WAIT); // 16 MiB of large I/O already in flight
        s.responded(128, 8L * MIB, 128);
        s.responded(128, 8L * MIB, 128);
        long fit = CreditScheduler.CONTENDED_BYTES / io; // one small credit in flight adds less than one I/O
        for (int i = 0; i < fit; i++) {
            assertThat(s.tryAcquire(charge, io)).isNotNegative();
        }
        assertThat(s.tryAcquire(charge, io)).as("beyond %d bytes", CreditScheduler.CONTENDED_BYTES).isEqualTo(CreditScheduler.WAIT);
        s.responded(1, 4096, 1);
        c.now += CreditScheduler.LINGER_MILLIS * MS - 1;
        assertThat(s.tryAcquire(charge, io)).as("the small request was answered a moment ago").isEqualTo(CreditScheduler.WAIT);
        c.now += 2;
        assertThat(s.transferSize(8 * MIB)).isEqualTo(8 * MIB);
        assertThat(s.tryAcquire(charge, io)).isNotNegative();
    }

    @Test
    void theLargeShareGrowsWithTheSmallCreditsInFlight() {
        Clock c = new Clock();
        CreditScheduler s = holding(c, 2048, 64L * MIB);
        for (int i = 0; i < 64; i++) {
            assertThat(s.tryAcquire(1, 4096)).isNotNegative();
        }
        long share = 64 * CreditScheduler.BYTES_PER_SMALL_CREDIT;
        assertThat(s.transferSize(8 * MIB)).isEqualTo((int) Math.min(8 * MIB, share / 4));
        long taken = 0;
        while (s.tryAcquire(16, MIB) >= 0) {
            taken += MIB;
        }
        assertThat(taken).isEqualTo(share);
    }

    @Test
    void smallRequestsHaveAShareOfTheMemoryBudgetThatLargeOnesCannotTake() {
        Clock c = new Clock();
        CreditScheduler s = holding(c, 1024, 16L * MIB);
        assertThat(s.tryAcquire(16, MIB)).isNotNegative();
        for (int i = 0; i < 14; i++) {
            assertThat(s.tryAcquire(16, MIB)).isNotNegative();
        }
        assertThat(s.tryAcquire(16, MIB)).as("15/16 of the budget is the large share").isEqualTo(CreditScheduler.WAIT);
        assertThat(s.tryAcquire(1, 65536)).as("a small WRITE").isNotNegative();
    }

    @Test
    void aLargeRequestAboveItsShareStillGoesAlone() {
        Clock c = new Clock();
        CreditScheduler s = holding(c, 1024, 8L * MIB);
        assertThat(s.tryAcquire(1, 4096)).isNotNegative(); // contended from here
        assertThat(s.tryAcquire(128, 8L * MIB)).as("no large payload in flight").isNotNegative();
    }

    @Test
    void aChainOfSmallPartsPassesAHeadThatWaitsForBudgetALargeChainDoesNot() {
        Clock c = new Clock();
        CreditScheduler s = holding(c, 2048, 64L * MIB);
        for (int i = 0; i < 7; i++) {
            assertThat(s.tryAcquire(128, 8L * MIB)).isNotNegative();
        }
        assertThat(s.tryAcquire(128, 8L * MIB)).isEqualTo(CreditScheduler.WAIT); // the large share is full
        int[] charges = {1, 1, 1};
        long[] small = {0, 4096, 0};
        for (int i = 0; i < 100; i++) { // more than the credit reserve (64): the head waits for budget, not credits
            assertThat(s.tryAcquireChain(charges, small, 128)).as("chain %d", i).isNotNegative();
        }
        assertThat(s.tryAcquireChain(new int[] {1, 2, 1}, new long[] {0, 65537 + 65536, 0}, 128)).isEqualTo(CreditScheduler.WAIT);
    }

    @Test
    void smallChainsStayWithinTheReserveWhenTheHeadWaitsForCredits() {
        Clock c = new Clock();
        CreditScheduler s = holding(c, 64, 64L * MIB); // reserve 4
        assertThat(s.tryAcquire(40, 40L * 65536)).isNotNegative();
        assertThat(s.tryAcquire(40, 40L * 65536)).isEqualTo(CreditScheduler.WAIT); // 24 left
        int[] charges = {1, 1, 1};
        long[] payloads = {0, 4096, 0};
        assertThat(s.tryAcquireChain(charges, payloads, 40)).as("within the reserve").isNotNegative();
        assertThat(s.tryAcquireChain(charges, payloads, 40)).as("3 + 3 credits would be beyond the reserve of 4")
                .isEqualTo(CreditScheduler.WAIT);
    }

    @Test
    void theCreditRequestAsksForWhatTheQueueWaitsFor() {
        CreditScheduler s = new CreditScheduler(100, 1 << 20, () -> 0);
        s.tryAcquire(1, 0);
        s.responded(1, 0, 100);
        s.tryAcquire(5, 0);
        assertThat(s.creditRequest(5)).isEqualTo(5);
        s.demand(40);
        assertThat(s.creditRequest(5)).isEqualTo(45);
        s.demand(1000);
        assertThat(s.creditRequest(5)).as("at most the target again").isEqualTo(105);
    }

    @Test
    void theEngineSendsASmallChainPastALargeReadThatWaitsForBudget() {
        EngineHarness h = new EngineHarness(512, 4L * MIB);
        h.submit(Command.NEGOTIATE, 0, new RecordingHandler());
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 500));
        h.engine.multiCredit(true);
        RecordingHandler reads = new RecordingHandler();
        h.submit(Command.READ, 3L * MIB, reads);
        h.submit(Command.READ, 3L * MIB, reads); // waits: 6 MiB is beyond the 4 MiB budget
        List<Smb2Header> first = h.sent();
        assertThat(first).extracting(Smb2Header::command).containsExactly(Command.READ);
        RecordingHandler parts = new RecordingHandler();
        List<Exchange> chain = List.of(
                new Exchange(new TestBody(Command.CREATE, 0), 0, 0, null, false, false, "CREATE test", parts),
                new Exchange(new TestBody(Command.WRITE, 4096), 0, 0, null, false, false, "WRITE test", parts),
                new Exchange(new TestBody(Command.CLOSE, 0), 0, 0, null, false, false, "CLOSE test", parts));
        h.engine.submitChain(chain);
        assertThat(h.sent()).as("one frame").extracting(Smb2Header::command).containsExactly(Command.CREATE);
        assertThat(h.engine.waitingCount()).isEqualTo(1); // the second READ
        for (Exchange p : chain) {
            h.channel.writeInbound(EngineHarness.ok(new Smb2Header(1, 0, p.command(), 0, 0, 0, p.messageId, 0, 0, 0, 0, null), 1));
        }
        assertThat(parts.responses).hasSize(3);
        h.channel.writeInbound(EngineHarness.ok(first.get(0), 48));
        List<Smb2Header> second = h.sent();
        assertThat(second).extracting(Smb2Header::command).containsExactly(Command.READ);
        h.channel.writeInbound(EngineHarness.ok(second.get(0), 48));
        assertThat(reads.responses).hasSize(2);
        assertFalse(h.channel.finish());
    }
}
