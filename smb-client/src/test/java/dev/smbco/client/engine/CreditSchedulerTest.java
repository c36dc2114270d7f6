package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.SmbProtocolException;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class CreditSchedulerTest {
    private static final int EIGHT_MIB = 8 << 20;

    /**
     * A clock that moves a second each time it is read: "a small request was active a moment ago"
     * never holds, only small requests in flight make large I/O step back.
     */
    static LongSupplier jumpingClock() {
        long[] now = {0};
        return () -> now[0] += 1_000_000_000L;
    }

    private static CreditScheduler scheduler(int target, long budget) {
        return new CreditScheduler(target, budget, jumpingClock());
    }

    /** A scheduler whose server granted {@code held} credits in answer to its first request. */
    private static CreditScheduler holding(int target, int held) {
        CreditScheduler s = scheduler(target, 1L << 30);
        s.tryAcquire(1, 0);
        s.responded(1, 0, held);
        return s;
    }

    @Test
    void startsWithOneCreditAndHandsOutConsecutiveMessageIds() {
        CreditScheduler s = scheduler(64, 1 << 20);
        assertThat(s.tryAcquire(1, 0)).isZero();
        assertThat(s.tryAcquire(1, 0)).isEqualTo(CreditScheduler.WAIT);
        s.grant(10);
        assertThat(s.tryAcquire(3, 0)).isEqualTo(1);
        assertThat(s.tryAcquire(1, 0)).isEqualTo(4);
        assertThat(s.available()).isEqualTo(6);
        assertThat(s.nextMessageId()).isEqualTo(5);
    }

    @Test
    void asksToClimbToTheTargetAndThenOnlyToReplaceWhatItUses() {
        CreditScheduler s = scheduler(100, 1 << 20);
        s.tryAcquire(1, 0);
        assertThat(s.creditRequest(1)).isEqualTo(100);
        s.responded(1, 0, 100);
        s.tryAcquire(5, 0);
        assertThat(s.creditRequest(5)).isEqualTo(5);
    }

    @Test
    void theMemoryBudgetLetsOneOversizedTransferGoAlone() {
        CreditScheduler s = scheduler(1000, 100);
        s.grant(999);
        assertThat(s.tryAcquire(1, 500)).isNotNegative(); // alone: allowed
        assertThat(s.tryAcquire(1, 10)).isEqualTo(CreditScheduler.WAIT); // over budget while the big one flies
        assertThat(s.tryAcquire(1, 0)).isNotNegative();   // requests without payload are not held back
        s.finished(1, 500);
        assertThat(s.tryAcquire(1, 60)).isNotNegative();
        assertThat(s.tryAcquire(1, 60)).isEqualTo(CreditScheduler.WAIT);
    }

    @Test
    void theIoSizeIsTheNegotiatedMaximumWhereTheServerGrantsPlenty() {
        assertThat(holding(1024, 1024).ioSize(EIGHT_MIB)).isEqualTo(EIGHT_MIB);
        assertThat(holding(1024, 1024).ioSize(65536)).isEqualTo(65536); // SMB 2.0.2
    }

    @Test
    void theIoSizeShrinksSoThatSeveralFitInWhatTheServerGrants() {
        // smb2 max credits = 64: 4 reserved for small requests, 60 shared by four transfers of 15 credits
        CreditScheduler s = holding(1024, 64);
        assertThat(s.ceiling()).isEqualTo(64);
        assertThat(s.ioSize(EIGHT_MIB)).isEqualTo(15 * 65536);
        assertThat(holding(1024, 16).ioSize(EIGHT_MIB)).isEqualTo(3 * 65536);
        assertThat(holding(1024, 128).ioSize(EIGHT_MIB)).isEqualTo(30 * 65536);
        assertThat(holding(1024, 1).ioSize(EIGHT_MIB)).isEqualTo(65536);
    }

    @Test
    void theCeilingFollowsAGrantThatShrinksMidTransfer() {
        CreditScheduler s = holding(1024, 64);
        long a = s.tryAcquire(15, 15 * 65536);
        long b = s.tryAcquire(15, 15 * 65536);
        assertThat(a).isNotNegative();
        assertThat(b).isNotNegative();
        s.responded(15, 15 * 65536, 2); // the server cuts the window: 64 - 13 held
        assertThat(s.ceiling()).isEqualTo(51);
        s.responded(15, 15 * 65536, 0);
        assertThat(s.ceiling()).isEqualTo(36);
        assertThat(s.ioSize(EIGHT_MIB)).isEqualTo((36 - 2) / 4 * 65536);
    }

    @Test
    void anInterimGrantDoesNotInflateTheCeilingForGood() {
        CreditScheduler s = holding(1024, 64);
        s.tryAcquire(15, 0);
        s.grant(15); // STATUS_PENDING carries the grant
        assertThat(s.ceiling()).isEqualTo(79);
        s.responded(15, 0, 0); // the final response grants nothing more
        assertThat(s.ceiling()).isEqualTo(64);
    }

    @Test
    void aZeroGrantWithNothingInFlightLeavesTheOneGuaranteedCredit() {
        CreditScheduler s = holding(64, 0);
        assertThat(s.available()).isZero();
        for (int i = 0; i < 3; i++) {
            long mid = s.tryAcquire(1, 0);
            assertThat(mid).isEqualTo(1 + i); // goes on, one request at a time
            assertThat(s.tryAcquire(1, 0)).isEqualTo(CreditScheduler.WAIT);
            s.responded(1, 0, 0);
        }
        assertThat(s.ioSize(EIGHT_MIB)).isEqualTo(65536);
    }

    @Test
    void aChargeAboveTheGrantWithNothingInFlightCanNeverGoAndSaysSo() {
        CreditScheduler s = holding(1024, 8);
        assertThat(s.tryAcquire(16, 1 << 20)).isEqualTo(CreditScheduler.NEVER);
        assertThat(s.available()).isEqualTo(8); // nothing taken
        SmbProtocolException e = s.cannotFit("READ \\\\h\\s\\f", 16);
        assertThat(e.getMessage()).contains("READ", "needs 16 credits", "grants this connection only 8");
        // with something in flight a grant may still come: wait
        s.tryAcquire(1, 0);
        assertThat(s.tryAcquire(16, 1 << 20)).isEqualTo(CreditScheduler.WAIT);
    }

    @Test
    void smallRequestsPassAWaitingHeadWithinTheReserveLargeOnesDoNot() {
        CreditScheduler s = holding(1024, 64); // reserve 4
        for (int i = 0; i < 4; i++) {
            assertThat(s.tryAcquire(15, 0)).isNotNegative();
        }
        assertThat(s.tryAcquire(15, 0)).isEqualTo(CreditScheduler.WAIT); // 4 left
        assertThat(s.mayPass(15)).isTrue();
        assertThat(s.tryPass(15, 2, 0)).isEqualTo(CreditScheduler.WAIT); // not small
        for (int i = 0; i < 4; i++) {
            assertThat(s.tryPass(15, 1, 0)).as("small request %d", i).isNotNegative();
        }
        assertThat(s.mayPass(15)).isFalse(); // the reserve is used up
        assertThat(s.tryPass(15, 1, 0)).isEqualTo(CreditScheduler.WAIT);
    }

    @Test
    void nothingPassesAHeadThatNeedsTheReserveToo() {
        CreditScheduler s = holding(1024, 16); // reserve 1
        s.tryAcquire(3, 0);
        assertThat(s.tryAcquire(16, 0)).isEqualTo(CreditScheduler.WAIT);
        assertThat(s.mayPass(16)).isFalse();
        assertThat(s.tryPass(16, 1, 0)).isEqualTo(CreditScheduler.WAIT);
    }

    @Test
    void aWaitingLargeRequestIsNotStarvedByAStreamOfSmallOnes() {
        CreditScheduler s = holding(1024, 16); // reserve 1
        ArrayDeque<Integer> inFlight = new ArrayDeque<>();
        for (int i = 0; i < 3; i++) { // small requests sent before the large one came
            s.tryAcquire(1, 0);
            inFlight.add(1);
        }
        // three small requests arrive every step; the server answers the oldest request per step, granting its charge
        for (int step = 0; ; step++) {
            assertThat(step).as("steps until the large request went").isLessThan(10);
            if (s.tryAcquire(15, 0) >= 0) {
                break;
            }
            for (int k = 0; k < 3; k++) {
                if (s.tryPass(15, 1, 0) >= 0) {
                    inFlight.add(1);
                }
            }
            int charge = inFlight.poll();
            s.responded(charge, 0, charge);
        }
        assertThat(s.inFlightCredits()).isEqualTo(15 + inFlight.size());
    }
}
