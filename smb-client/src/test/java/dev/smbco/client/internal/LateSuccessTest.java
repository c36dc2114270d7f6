package dev.smbco.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.engine.LateSuccess;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCounted;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The engine's one undo mechanism: a success that arrives after the caller stopped waiting runs
 * the exchange's {@link LateSuccess} (once, on the loop), a failure or a success someone took
 * does not; undo requests have a deadline of their own; a send refused by a closed loop gives its
 * body back.
 */
@ExtendWith(NoLeaks.class)
class LateSuccessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** MS-ERREF STATUS_SHARING_VIOLATION, STATUS_MORE_PROCESSING_REQUIRED. */
    private static final int SHARING_VIOLATION = 0xC0000043;
    private static final int MORE_PROCESSING = 0xC0000016;

    private final SenderHarness h = new SenderHarness("test:445");
    private final List<Smb2Header> undone = new CopyOnWriteArrayList<>();
    private final LateSuccess recordUndo = (header, body) -> undone.add(header);

    private Request<String> send(Command command, LateSuccess undo) {
        Request<String> r = h.sender.send(new SenderHarness.Body(command), Route.NONE, command + " \\\\h\\s\\x", "\\\\h\\s\\x", TIMEOUT,
                null, (header, body) -> "ok", null, undo);
        h.channel.runPendingTasks();
        return r;
    }

    private void grantCredits(int n) {
        send(Command.ECHO, null);
        h.respond(h.sent().get(0), 0, n, 0, 0);
    }

    private void expireTimers() {
        h.channel.advanceTimeBy(6, TimeUnit.SECONDS);
        h.channel.runPendingTasks();
        h.channel.runScheduledPendingTasks();
        h.channel.runPendingTasks();
    }

    @Test
    void aSuccessAfterTheTimeoutIsUndoneOnce() {
        grantCredits(8);
        Request<String> open = send(Command.CREATE, recordUndo);
        Smb2Header req = h.sent().get(0);
        expireTimers();
        assertThat(open.state()).isEqualTo(RequestState.TIMED_OUT);
        assertThat(h.sent()).extracting(Smb2Header::command).containsExactly(Command.CANCEL);
        h.respond(req, 0);
        assertThat(undone).singleElement().satisfies(u -> assertThat(u.messageId()).isEqualTo(req.messageId()));
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.engine.credits().inFlightCredits()).isZero();
        h.finish();
    }

    @Test
    void aFailureAfterTheTimeoutHasNothingToUndo() {
        grantCredits(8);
        send(Command.CREATE, recordUndo);
        Smb2Header req = h.sent().get(0);
        expireTimers();
        h.sent();
        h.respond(req, SHARING_VIOLATION);
        assertThat(undone).isEmpty();
        assertThat(h.engine.credits().inFlightCredits()).isZero();
        h.finish();
    }

    @Test
    void aSessionSetupLegThatAsksForMoreAfterTheTimeoutIsUndoneToo() {
        grantCredits(8);
        send(Command.SESSION_SETUP, recordUndo);
        Smb2Header req = h.sent().get(0);
        expireTimers();
        h.sent();
        h.respond(req, MORE_PROCESSING);
        assertThat(undone).hasSize(1);
        h.finish();
    }

    @Test
    void aSuccessThatReachesItsCallerIsNotUndone() {
        grantCredits(8);
        Request<String> open = send(Command.CREATE, recordUndo);
        Smb2Header req = h.sent().get(0);
        assertThat(open.cancel()).isTrue(); // CANCEL goes out, but the reply wins the race
        h.channel.runPendingTasks();
        h.respond(req, 0);
        assertThat(open.state()).isEqualTo(RequestState.DONE);
        assertThat(undone).isEmpty();
        h.finish();
    }

    @Test
    void theUndoRequestGoesOutWithADeadlineAndItsFailureGoesNowhere() {
        grantCredits(8);
        send(Command.CREATE, (header, body) -> Undo.send(h.sender, new SenderHarness.Body(Command.CLOSE), Route.NONE,
                "CLOSE (undo)", TIMEOUT));
        Smb2Header req = h.sent().get(0);
        expireTimers();
        h.sent();
        h.respond(req, 0);
        List<Smb2Header> undo = h.sent();
        assertThat(undo).extracting(Smb2Header::command).containsExactly(Command.CLOSE);
        expireTimers(); // the CLOSE is never answered: its own deadline ends it
        assertThat(h.sent()).extracting(Smb2Header::command).containsExactly(Command.CANCEL);
        h.respond(undo.get(0), 0xC0000120);
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.engine.credits().inFlightCredits()).isZero();
        h.finish();
    }

    /** A reference-counted body (a WRITE's data, say) that the caller hands over. */
    private record CountedBody(ByteBuf data) implements dev.smbco.protocol.Smb2Request, ReferenceCounted {
        @Override
        public Command command() {
            return Command.WRITE;
        }

        @Override
        public void encode(ByteBuf out) {
            out.writeShortLE(4).writeShortLE(0);
        }

        @Override
        public int refCnt() {
            return data.refCnt();
        }

        @Override
        public ReferenceCounted retain() {
            data.retain();
            return this;
        }

        @Override
        public ReferenceCounted retain(int increment) {
            data.retain(increment);
            return this;
        }

        @Override
        public ReferenceCounted touch() {
            return this;
        }

        @Override
        public ReferenceCounted touch(Object hint) {
            return this;
        }

        @Override
        public boolean release() {
            return data.release();
        }

        @Override
        public boolean release(int decrement) {
            return data.release(decrement);
        }
    }

    @Test
    void aSendRefusedByAClosedLoopReleasesItsBody() throws Exception {
        io.netty.channel.DefaultEventLoop closed = new io.netty.channel.DefaultEventLoop();
        closed.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        Sender refused = new Sender(h.engine, new dev.smbco.client.engine.NettyLoop(closed));
        CountedBody body = new CountedBody(ByteBufAllocator.DEFAULT.directBuffer(16).writeZero(16));
        Request<String> r = refused.send(body, Route.NONE, "WRITE \\\\h\\s\\x", null, TIMEOUT, null, (header, b) -> "ok");
        assertThat(r.state()).isEqualTo(RequestState.FAILED);
        assertThat(body.refCnt()).as("the body was given back").isZero();
        h.finish();
    }
}
