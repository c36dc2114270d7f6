package dev.smbco.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.client.engine.SmbEngine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.SmbDecodeException;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import dev.smbco.client.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The coro-facing layer over the engine: status mapping, timeouts, cancellation, protocol errors. */
@ExtendWith(NoLeaks.class)
class SenderTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SenderHarness h = new SenderHarness("test:445");
    private final EmbeddedChannel channel = h.channel;
    private final SmbEngine engine = h.engine;
    private final Sender sender = h.sender;

    private List<Smb2Header> sent() {
        return h.sent();
    }

    private void respond(Smb2Header req, int status, int credits, int flags, long asyncId) {
        h.respond(req, status, credits, flags, asyncId);
    }

    private Request<String> send(Command command) {
        Request<String> r = sender.send(new SenderHarness.Body(command), Route.NONE, command + " \\\\h\\s\\x", "\\\\h\\s\\x", TIMEOUT, null,
                (header, body) -> "ok " + body.readableBytes());
        channel.runPendingTasks();
        return r;
    }

    private void grantCredits(int n) {
        send(Command.ECHO);
        respond(sent().get(0), 0, n, 0, 0);
    }

    @Test
    void aSuccessIsParsedAndAFailureStatusIsATypedErrorNamingThePath() {
        Request<String> ok = send(Command.ECHO);
        respond(sent().get(0), 0, 5, 0, 0);
        assertThat(ok.state()).isEqualTo(RequestState.DONE);
        assertThat(ok.recv()).isEqualTo("ok 4");
        Request<String> missing = send(Command.CREATE);
        respond(sent().get(0), 0xC0000034, 1, 0, 0);
        assertThat(missing.state()).isEqualTo(RequestState.FAILED);
        assertThat(missing.failure()).isInstanceOf(SmbNotFoundException.class)
                .hasMessage("CREATE \\\\h\\s\\x: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)");
        assertFalse(channel.finish());
    }

    @Test
    void aTimeoutEndsTheRequestTimedOutCancelsItOnTheServerAndSwallowsTheLateResponse() {
        grantCredits(5);
        Request<String> slow = send(Command.READ);
        Smb2Header req = sent().get(0);
        respond(req, 0x00000103, 1, Smb2Header.FLAG_ASYNC_COMMAND, 42); // STATUS_PENDING: went async
        channel.advanceTimeBy(6, TimeUnit.SECONDS);
        channel.runPendingTasks();
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
        assertThat(slow.state()).isEqualTo(RequestState.TIMED_OUT);
        assertThat(slow.failure()).isInstanceOf(SmbTimeoutException.class).hasMessageContaining("READ \\\\h\\s\\x");
        List<Smb2Header> cancel = sent();
        assertThat(cancel).extracting(Smb2Header::command).containsExactly(Command.CANCEL);
        assertThat(cancel.get(0).asyncId()).isEqualTo(42);
        respond(req, 0xC0000120, 3, Smb2Header.FLAG_ASYNC_COMMAND, 42);
        assertThat(engine.pendingCount()).isZero();
        Request<String> after = send(Command.ECHO);
        respond(sent().get(0), 0, 1, 0, 0);
        assertThat(after.recv()).isEqualTo("ok 4");
        assertFalse(channel.finish());
    }

    /** Routes of session 7 belong to a lost connection; they go along session 9's once it is back. */
    private static final class Lost implements dev.smbco.client.resilience.internal.SendGate.Retarget {
        boolean retired;

        public void retire() {
            retired = true;
        }

        public boolean stale(Route route) {
            return retired && route.sessionId() == 7;
        }

        public Route route(Route stale) {
            return Route.NONE;
        }

        public dev.smbco.protocol.smb2.FileId fileId(dev.smbco.protocol.smb2.FileId stale) {
            return null;
        }
    }

    private void advance(long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runPendingTasks();
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
    }

    @Test
    void aRequestWaitingForAReconnectionKeepsItsTimeoutUntilItIsSent() {
        grantCredits(5);
        var gate = new dev.smbco.client.resilience.internal.SendGate("test:445", new Lost());
        sender.gate(gate);
        gate.hold(8, Duration.ofSeconds(30));
        Request<String> waiting = sender.send(new SenderHarness.Body(Command.READ), new Route(7, 3, null, false, false), "READ x",
                "x", TIMEOUT, null, (header, body) -> "ok");
        channel.runPendingTasks();
        advance(20); // four times its timeout, still within the reconnection's deadline
        assertThat(waiting.state()).as("waiting for the reconnection").isEqualTo(RequestState.IN_PROGRESS);
        assertThat(sent()).as("nothing sent while the gate holds").isEmpty();

        gate.open();
        assertThat(sent()).extracting(Smb2Header::command).containsExactly(Command.READ);
        advance(4);
        assertThat(waiting.state()).as("4 s after its sending, within its 5 s").isEqualTo(RequestState.IN_PROGRESS);
        advance(2);
        assertThat(waiting.state()).as("past its timeout counted from the sending").isEqualTo(RequestState.TIMED_OUT);
        assertThat(waiting.failure()).isInstanceOf(SmbTimeoutException.class);
        sent(); // whatever the abandoned exchange sent
        assertFalse(channel.finish());
    }

    @Test
    void aRequestWaitingForAReconnectionThatNeverEndsTimesOutAfterTheReconnectDeadlineAndItsOwn() {
        var gate = new dev.smbco.client.resilience.internal.SendGate("test:445", new Lost());
        sender.gate(gate);
        gate.hold(8, Duration.ofSeconds(30));
        Request<String> waiting = sender.send(new SenderHarness.Body(Command.READ), new Route(7, 3, null, false, false), "READ x", "x",
                TIMEOUT, null, (header, body) -> "ok");
        channel.runPendingTasks();
        advance(34);
        assertThat(waiting.state()).isEqualTo(RequestState.IN_PROGRESS);
        advance(2);
        assertThat(waiting.state()).as("a bound only a reconnection that never gave up reaches").isEqualTo(RequestState.TIMED_OUT);
        assertThat(sent()).as("never sent").isEmpty();
        assertFalse(channel.finish());
    }

    @Test
    void cancellingARequestThatWaitsForCreditsEndsItCancelledUnsent() {
        Request<String> first = send(Command.ECHO); // takes the only credit
        Request<String> queued = send(Command.ECHO);
        assertThat(sent()).hasSize(1);
        assertThat(queued.cancel()).isTrue();
        channel.runPendingTasks();
        assertThat(queued.state()).isEqualTo(RequestState.CANCELLED);
        assertThat(engine.waitingCount()).isZero();
        assertThat(first.isDone()).isFalse();
        assertFalse(channel.finish());
    }

    @Test
    void cancellingAnAsyncRequestSendsCancelAndStatusCancelledEndsItCancelled() {
        grantCredits(5);
        Request<String> notify = send(Command.CHANGE_NOTIFY);
        Smb2Header req = sent().get(0);
        respond(req, 0x00000103, 1, Smb2Header.FLAG_ASYNC_COMMAND, 7);
        assertThat(notify.cancel()).isTrue();
        channel.runPendingTasks();
        assertThat(sent()).singleElement().satisfies(h -> {
            assertThat(h.command()).isEqualTo(Command.CANCEL);
            assertThat(h.isAsync()).isTrue();
        });
        respond(req, 0xC0000120, 1, Smb2Header.FLAG_ASYNC_COMMAND, 7);
        assertThat(notify.state()).isEqualTo(RequestState.CANCELLED);
        assertFalse(channel.finish());
    }

    @Test
    void aMalformedResponseIsAProtocolErrorThatClosesTheConnection() {
        grantCredits(5);
        Request<String> bad = sender.send(new SenderHarness.Body(Command.READ), Route.NONE, "READ x", "x", TIMEOUT, null, (header, body) -> {
            throw new SmbDecodeException("READ response", "DataOffset", "past the end");
        });
        Request<String> bystander = send(Command.ECHO);
        channel.runPendingTasks();
        List<Smb2Header> out = sent();
        respond(out.get(0), 0, 1, 0, 0);
        channel.runPendingTasks();
        assertThat(bad.failure()).isInstanceOf(SmbProtocolException.class).hasMessageContaining("DataOffset");
        assertThat(bystander.failure()).isInstanceOf(SmbConnectionLostException.class);
        assertThat(channel.isOpen()).isFalse();
        Request<String> late = send(Command.ECHO);
        channel.runPendingTasks();
        assertThat(late.failure()).isInstanceOf(SmbConnectionLostException.class);
        assertFalse(channel.finish());
    }
}
