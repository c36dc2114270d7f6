package dev.smbco.client.compound;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.client.engine.Exchange;
import dev.smbco.client.engine.LateSuccess;
import dev.smbco.client.engine.ResponseHandler;
import dev.smbco.client.engine.SmbEngine;
import dev.smbco.client.internal.Durations;
import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.StatusErrors;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * One related chain on its way: one {@link Completer} for the whole chain, one {@link Exchange}
 * per part, submitted together ({@link SmbEngine#submitChain}) so that they travel in one frame.
 * Each part is matched, verified, granted credits and may go async on its own in the engine; this
 * class waits until every part has its final response and then decides, on the loop:
 *
 * <ol>
 *   <li>a part failed without a response (connection lost, protocol error): the chain fails with
 *       that error, a protocol error first (it caused the loss the other parts saw); the server
 *       dropped whatever the chain opened with the connection;</li>
 *   <li>the first part (in order) whose status is a failure decides the chain's failure, with the
 *       typed exception a separate request would give; a failed CREATE is thus what the caller
 *       sees, not the STATUS_INVALID_PARAMETER the server may answer its followers with
 *       (MS-SMB2 3.3.5.2.7.2);</li>
 *   <li>STATUS_INVALID_PARAMETER or STATUS_INTERNAL_ERROR (a server that rejects compounds), or an
 *       expired session (which the separate path re-authenticates): the chain is done again as
 *       separate requests, whose outcome becomes the chain's ({@link Compounding});</li>
 *   <li>else the parser makes the value.</li>
 * </ol>
 *
 * <p><b>Undo.</b> Whenever the chain does not hand its outcome to a caller (it timed out or was
 * cancelled, it failed, it is redone separately, the value was refused) and the CREATE succeeded
 * while no CLOSE in the chain succeeded, the CREATE exchange's {@link LateSuccess} closes the
 * handle. Usually the chain's own CLOSE has closed it already, so nothing is sent. That is why a
 * chain's sent parts are cancelled but not {@linkplain SmbEngine#abandon abandoned}: the engine's
 * abandon would undo the CREATE on its own, not knowing the CLOSE behind it.
 */
final class ChainCall<R> {
    /** MS-ERREF statuses this class decides on. */
    static final int STATUS_INVALID_PARAMETER = 0xC000000D;
    static final int STATUS_INTERNAL_ERROR = 0xC00000E5;
    private static final int STATUS_CANCELLED = 0xC0000120;
    private static final int STATUS_NETWORK_SESSION_EXPIRED = 0xC000035C;

    private final ChainTarget target;
    private final String what;
    private final List<ChainPart> parts;
    private final ChainParser<R> parser;
    private final Supplier<Request<R>> separately;
    private final Completer<R> c;
    private final List<Exchange> exchanges = new ArrayList<>();
    private final Smb2Header[] headers;
    private final ByteBuf[] messages;
    private final RuntimeException[] failures;
    private int answered;
    private boolean lost;
    private volatile boolean cancelRequested;
    private volatile Request<R> fallback;
    /** The chain's request timeout, from its submission; dropped when it goes as separate requests (loop-confined). */
    private final dev.smbco.client.internal.SendDeadline deadline;

    private ChainCall(ChainTarget target, String what, List<ChainPart> parts, LateSuccess undoCreate, ChainParser<R> parser,
                      Supplier<Request<R>> separately) {
        this.target = target;
        this.what = what;
        this.parser = parser;
        this.separately = separately;
        this.c = Completer.create(target.sender().loop());
        this.deadline = new dev.smbco.client.internal.SendDeadline(target.sender().loop(), c, target.timeout());
        this.headers = new Smb2Header[parts.size()];
        this.messages = new ByteBuf[parts.size()];
        this.failures = new RuntimeException[parts.size()];
        Route route = target.route();
        for (int i = 0; i < parts.size(); i++) {
            ChainPart p = parts.get(i);
            Exchange x = new Exchange(p.body(), route.sessionId(), route.treeId(), route.security(), route.sign(), route.encrypt(),
                    p.body().command() + " " + target.path(), new Part(i));
            if (i == 0) {
                x.onLateSuccess(undoCreate);
            }
            exchanges.add(x);
        }
        this.parts = parts;
    }

    static <R> Request<R> start(ChainTarget target, String what, List<ChainPart> parts, LateSuccess undoCreate, ChainParser<R> parser,
                                Supplier<Request<R>> separately) {
        return new ChainCall<>(target, what, parts, undoCreate, parser, separately).begin();
    }

    private SmbEngine engine() {
        return target.sender().engine();
    }

    private Request<R> begin() {
        c.timeoutException(() -> new SmbTimeoutException(what + ": no response within " + Durations.human(target.timeout())));
        c.onCancel(() -> {
            Request<R> f = fallback;
            if (f != null) {
                return f.cancel();
            }
            if (exchanges.stream().allMatch(x -> x.phase() == Exchange.Phase.DONE)) {
                return false;
            }
            cancelRequested = true;
            onLoop(this::cancelParts, null);
            return true;
        });
        c.onCleanup(state -> {
            deadline.cancel();
            if (state == RequestState.TIMED_OUT || state == RequestState.CANCELLED) {
                Exchange head = exchanges.get(0);
                if (head.phase() == Exchange.Phase.QUEUED) {
                    engine().cancel(head); // out of the queue: nothing was sent
                }
                Request<R> f = fallback;
                if (f != null) {
                    f.cancel();
                }
            }
        });
        Request<R> request = c.request();
        onLoop(this::submit, e -> c.fail(closed(e)));
        return request;
    }

    /**
     * On the loop: to the engine as one compound, unless its route belongs to a connection that was
     * lost (a reconnection runs, or re-established it under other ids). A chain cannot wait in the
     * reconnection's gate nor be retargeted part by part, so it then goes as the separate requests,
     * which wait for the reconnection and go to the re-established session, tree and handles. Before
     * this, such a chain went to the engine of the moment: the dead one (failed at once), or the new
     * TCP connection before its NEGOTIATE was answered (one credit: SmbCreditShortfallException).
     */
    private void submit() {
        if (!target.sender().gated(target.route())) {
            deadline.start();
            engine().submitChain(exchanges);
            return;
        }
        parts.forEach(p -> ReferenceCountUtil.release(p.body())); // never sent: the separate requests carry their own
        goSeparately();
    }

    /** The chain's outcome is that of {@code separately}'s requests, made now (on the loop). */
    private void goSeparately() {
        deadline.cancel(); // each separate request has its own, which stops while it waits for a reconnection
        Request<R> f = separately.get();
        fallback = f;
        f.onDone(this::endAs);
    }

    /** The chain ends as {@code done}, its separate requests, ended; a value nobody takes is released. */
    private void endAs(Request<R> done) {
        switch (done.state()) {
            case DONE -> {
                R value = done.recv();
                if (!c.complete(value)) {
                    ReferenceCountUtil.release(value);
                }
            }
            case CANCELLED -> c.cancelled();
            default -> {
                if (!c.request().isDone()) {
                    c.fail(done.failure());
                }
            }
        }
    }

    private SmbConnectionLostException closed(RejectedExecutionException e) {
        return new SmbConnectionLostException(what + ": the client is closed", false, new IOException("event loop shut down", e));
    }

    private void onLoop(Runnable task, java.util.function.Consumer<RejectedExecutionException> refused) {
        if (target.sender().loop().inLoop()) {
            task.run();
            return;
        }
        try {
            target.sender().loop().execute(task);
        } catch (RejectedExecutionException e) {
            if (refused != null) {
                refused.accept(e);
            }
        }
    }

    /** On the loop: a queued chain leaves the queue (and the request ends cancelled); sent parts get SMB2 CANCEL. */
    private void cancelParts() {
        Request<R> f = fallback;
        if (f != null) {
            f.cancel(); // went as separate requests (submit): they are what runs
            return;
        }
        Exchange head = exchanges.get(0);
        if (head.phase() == Exchange.Phase.QUEUED) {
            if (engine().cancel(head)) {
                c.cancelled();
            }
            return;
        }
        for (Exchange x : exchanges) {
            if (x.phase() != Exchange.Phase.DONE) {
                engine().cancel(x);
            }
        }
    }

    /** The engine's outcome for part {@code i}. */
    private final class Part implements ResponseHandler {
        private final int i;

        Part(int i) {
            this.i = i;
        }

        @Override
        public void onResponse(Smb2Header header, ByteBuf message) {
            headers[i] = header;
            messages[i] = message;
            answered();
        }

        @Override
        public void onFailure(RuntimeException error) {
            lost = true;
            failures[i] = error;
            answered();
        }
    }

    private void answered() {
        if (++answered < exchanges.size()) {
            return;
        }
        try {
            if (lost) {
                failLost();
            } else {
                finish();
            }
        } finally {
            for (int i = 0; i < messages.length; i++) {
                ReferenceCountUtil.release(messages[i]);
                messages[i] = null;
            }
        }
    }

    /**
     * Some part failed without a response: the chain fails with the cause, a protocol error (a bad
     * signature on one part, which took the connection down and so failed the others as lost) before
     * the connection loss it caused; else the first part's failure.
     */
    private void failLost() {
        RuntimeException cause = null;
        for (RuntimeException f : failures) {
            if (f instanceof SmbProtocolException) {
                cause = f;
                break;
            }
            if (cause == null) {
                cause = f;
            }
        }
        if (cause != null && !c.request().isDone()) {
            if (resendable(cause)) {
                // lost with the connection, which reconnects: the separate requests wait for it
                goSeparately();
                return;
            }
            c.fail(cause);
        }
    }

    /**
     * Whether the chain, lost with its connection, is done again as separate requests: only when the
     * connection reconnects (the route now belongs to a lost connection, so they wait in its gate)
     * and doing the chain twice is as doing it once ({@link ReadOnlyChain}).
     */
    private boolean resendable(RuntimeException cause) {
        return cause instanceof SmbConnectionLostException && !(cause instanceof dev.smbco.client.SmbHandleLostException)
                && !cancelRequested && target.sender().gated(target.route()) && ReadOnlyChain.is(parts);
    }

    /** Every part answered: decide (see the class comment). */
    private void finish() {
        if (c.request().isDone()) {
            undoIfOpen();
            return;
        }
        int failed = -1;
        for (int i = 0; i < headers.length && failed < 0; i++) {
            if (!parts.get(i).accepts(headers[i].status())) {
                failed = i;
            }
        }
        if (failed >= 0) {
            int status = headers[failed].status();
            Command command = headers[failed].command();
            undoIfOpen();
            if (status == STATUS_INVALID_PARAMETER || status == STATUS_INTERNAL_ERROR || status == STATUS_NETWORK_SESSION_EXPIRED) {
                redoSeparately(status);
            } else if (status == STATUS_CANCELLED && cancelRequested) {
                c.cancelled();
            } else {
                c.fail(StatusErrors.of(status, command, target.path()));
            }
            return;
        }
        R value;
        try {
            value = parser.parse(responses());
        } catch (SmbException e) {
            undoIfOpen();
            c.fail(e);
            return;
        } catch (RuntimeException e) {
            SmbProtocolException error = new SmbProtocolException(what + ": malformed response: " + e.getMessage(), e);
            c.fail(error);
            engine().failAll(error);
            return;
        }
        if (!c.complete(value)) {
            ReferenceCountUtil.release(value);
            undoIfOpen();
        }
    }

    private List<PartResponse> responses() {
        List<PartResponse> out = new ArrayList<>(headers.length);
        for (int i = 0; i < headers.length; i++) {
            ByteBuf body = messages[i].duplicate();
            body.skipBytes(Smb2Header.SIZE);
            out.add(new PartResponse(headers[i], body));
        }
        return out;
    }

    /** The CREATE opened a handle that no CLOSE of the chain closed and nobody will take: undo it. */
    private void undoIfOpen() {
        if (headers[0].status() != 0 || headers[0].command() != Command.CREATE) {
            return;
        }
        int last = headers.length - 1;
        if (headers[last].command() == Command.CLOSE && headers[last].status() == 0) {
            return; // the chain's own CLOSE did it
        }
        exchanges.get(0).lateResponse(headers[0], messages[0]);
    }

    /**
     * The server answered the compound with a status that separate requests may not get: do it
     * again that way; the outcome is the chain's. If the separate requests succeed where the
     * compound was refused, the connection stops compounding.
     */
    private void redoSeparately(int status) {
        deadline.cancel(); // each separate request has its own
        Request<R> f = separately.get();
        fallback = f;
        f.onDone(done -> {
            if (done.state() == RequestState.DONE && status != STATUS_NETWORK_SESSION_EXPIRED) {
                target.compounding().rejectedBy(what, status);
            }
            endAs(done);
        });
    }
}
