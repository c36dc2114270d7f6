package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The engine sends as its CreditScheduler decides: small requests pass a large one that waits; what can never fit fails at once. */
@ExtendWith(NoLeaks.class)
class CreditSchedulingEngineTest {

    /** An engine past NEGOTIATE, whose response granted {@code credits}, charging multi-credit. */
    private static EngineHarness negotiated(int credits) {
        EngineHarness h = new EngineHarness(1024, 1L << 30);
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), credits));
        h.engine.multiCredit(true);
        return h;
    }

    @Test
    void anEchoPassesALargeReadThatWaitsForCredits() {
        EngineHarness h = negotiated(20);
        RecordingHandler r1 = new RecordingHandler();
        RecordingHandler r2 = new RecordingHandler();
        RecordingHandler echo = new RecordingHandler();
        h.submit(Command.READ, 1 << 20, r1); // 16 credits: goes
        h.submit(Command.READ, 1 << 20, r2); // 16 more: only 4 left, waits
        h.submit(Command.ECHO, 0, echo);     // 1 credit: passes the waiting READ
        List<Smb2Header> sent = h.sent();
        assertThat(sent).extracting(Smb2Header::command).containsExactly(Command.READ, Command.ECHO);
        assertThat(h.engine.waitingCount()).isEqualTo(1);
        h.channel.writeInbound(EngineHarness.ok(sent.get(1), 1));
        assertThat(echo.responses).hasSize(1);
        assertThat(h.sent()).isEmpty(); // 4 available: the second READ still waits
        h.channel.writeInbound(EngineHarness.ok(sent.get(0), 16));
        List<Smb2Header> second = h.sent();
        assertThat(second).extracting(Smb2Header::command).containsExactly(Command.READ);
        h.channel.writeInbound(EngineHarness.ok(second.get(0), 16));
        assertThat(r1.responses).hasSize(1);
        assertThat(r2.responses).hasSize(1);
        assertThat(r1.failures).isEmpty();
        assertThat(r2.failures).isEmpty();
        assertFalse(h.channel.finish());
    }

    @Test
    void largeRequestsKeepTheirOrderBehindAWaitingOne() {
        EngineHarness h = negotiated(20);
        RecordingHandler r = new RecordingHandler();
        h.submit(Command.READ, 1 << 20, r);        // 16: goes
        h.submit(Command.READ, 1 << 20, r);        // 16: waits
        h.submit(Command.READ, 2 * 65536, r);      // 2 would fit, but is not small: keeps its place
        assertThat(h.sent()).hasSize(1);
        assertThat(h.engine.waitingCount()).isEqualTo(2);
        h.engine.close(new java.io.IOException("test over"));
        assertThat(r.failures).hasSize(3); // the one sent as lost, the two queued as never sent
        h.channel.finish();
        h.channel.releaseOutbound();
    }

    @Test
    void aZeroGrantWithNothingInFlightStillSendsOnTheGuaranteedCredit() {
        EngineHarness h = negotiated(0);
        RecordingHandler a = new RecordingHandler();
        RecordingHandler b = new RecordingHandler();
        h.submit(Command.ECHO, 0, a);
        h.submit(Command.ECHO, 0, b);
        List<Smb2Header> first = h.sent();
        assertThat(first).extracting(Smb2Header::messageId).containsExactly(1L);
        h.channel.writeInbound(EngineHarness.ok(first.get(0), 0)); // again nothing granted
        List<Smb2Header> next = h.sent();
        assertThat(next).extracting(Smb2Header::messageId).containsExactly(2L);
        h.channel.writeInbound(EngineHarness.ok(next.get(0), 1));
        assertThat(a.responses).hasSize(1);
        assertThat(b.responses).hasSize(1);
        assertFalse(h.channel.finish());
    }

    @Test
    void aRequestThatCanNeverFitFailsAtOnceNamingChargeAndGrantAndTheConnectionGoesOn() {
        EngineHarness h = negotiated(8);
        RecordingHandler big = new RecordingHandler();
        RecordingHandler echo = new RecordingHandler();
        h.submit(Command.READ, 1 << 20, big); // 16 credits, the server lets us hold 8, nothing in flight
        assertThat(big.failures).singleElement()
                .isInstanceOf(SmbProtocolException.class)
                .extracting(Throwable::getMessage).asString()
                .contains("READ test", "needs 16 credits", "only 8");
        assertThat(h.engine.waitingCount()).isZero();
        assertThat(h.engine.isClosed()).isFalse();
        h.submit(Command.ECHO, 0, echo);
        List<Smb2Header> sent = h.sent();
        assertThat(sent).extracting(Smb2Header::command).containsExactly(Command.ECHO);
        assertThat(sent.get(0).messageId()).isEqualTo(1L); // the refused READ consumed no message ids
        h.channel.writeInbound(EngineHarness.ok(sent.get(0), 1));
        assertThat(echo.responses).hasSize(1);
        assertFalse(h.channel.finish());
    }

    @Test
    void aLargeRequestWaitsWhileOthersAreInFlightAndFailsOnlyOnceNothingCanCome() {
        EngineHarness h = negotiated(8);
        RecordingHandler echo = new RecordingHandler();
        RecordingHandler big = new RecordingHandler();
        h.submit(Command.ECHO, 0, echo);
        h.submit(Command.READ, 1 << 20, big); // 16 > 7 available, but the ECHO's response may grant more
        assertThat(big.failures).isEmpty();
        List<Smb2Header> sent = h.sent();
        h.channel.writeInbound(EngineHarness.ok(sent.get(0), 1)); // it does not: 8 held, nothing in flight
        assertThat(big.failures).singleElement().isInstanceOf(SmbProtocolException.class);
        assertFalse(h.channel.finish());
    }
}
