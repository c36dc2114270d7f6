package dev.smbco.client.internal;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.client.engine.Exchange;
import dev.smbco.client.engine.LateSuccess;
import dev.smbco.client.engine.NettyLoop;
import dev.smbco.client.engine.ResponseHandler;
import dev.smbco.client.engine.SmbEngine;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * Turns an SMB2 request into a coro {@link Request}: one {@link Completer} per exchange, wired to
 * the engine. Safe from any thread: the submission hops onto the connection's event loop.
 *
 * <p>Outcomes: a success status (or one {@code okStatus} accepts) is parsed into the value; any
 * other status fails with the typed {@link StatusErrors} exception; a malformed response fails
 * with {@link SmbProtocolException} and tears the connection down; a connection loss fails with
 * {@link SmbConnectionLostException}. A timeout ends the request TIMED_OUT with an {@link
 * SmbTimeoutException} and abandons the exchange (SMB2 CANCEL if the server went async); it runs
 * from the request's sending and stops while the request waits for a reconnection ({@link
 * SendDeadline}). {@code
 * cancel()} takes a queued request out of the queue, or sends SMB2 CANCEL for a sent one; the
 * request then ends CANCELLED when the server answers STATUS_CANCELLED.
 */
public final class Sender {
    /** MS-ERREF STATUS_CANCELLED. */
    private static final int STATUS_CANCELLED = 0xC0000120;

    /** MS-ERREF STATUS_NETWORK_SESSION_EXPIRED. */
    static final int STATUS_NETWORK_SESSION_EXPIRED = 0xC000035C;

    /** The engine of the connection now: replaced when a reconnection makes a new one ({@link #rebind}). */
    private volatile SmbEngine engine;
    private final NettyLoop loop;
    private volatile SessionRenewal renewal;
    /** Where requests wait while the connection is re-established; null when it never reconnects. */
    private volatile dev.smbco.client.resilience.internal.SendGate gate;

    public Sender(SmbEngine engine, NettyLoop loop) {
        this.engine = engine;
        this.loop = loop;
    }

    public NettyLoop loop() {
        return loop;
    }

    /**
     * MS-SMB2 3.2.5.1.6: re-authenticates an expired session. Given the session id, starts the
     * re-authentication (or returns the one in flight), or returns null when the session is unknown.
     */
    @FunctionalInterface
    public interface SessionRenewal {
        Request<Void> renew(long sessionId);
    }

    /**
     * Installs the re-authentication used when a request fails with STATUS_NETWORK_SESSION_EXPIRED:
     * the request is then sent once more after the session is re-authenticated.
     */
    public void onSessionExpired(SessionRenewal r) {
        this.renewal = r;
    }

    public SmbEngine engine() {
        return engine;
    }

    /** A reconnection made a new connection: requests go to its engine from now on (on the loop). */
    public void rebind(SmbEngine newEngine) {
        this.engine = newEngine;
    }

    /** Installs the gate that holds requests during a reconnection. */
    public void gate(dev.smbco.client.resilience.internal.SendGate g) {
        this.gate = g;
    }

    /**
     * On the loop: whether a request along {@code route} would wait in (or be retargeted by) the
     * reconnection's gate instead of going to the engine as it is: the route belongs to a lost connection.
     */
    public boolean gated(Route route) {
        dev.smbco.client.resilience.internal.SendGate g = gate;
        return g != null && g.takes(route);
    }

    /** On the loop: to the engine, unless the gate holds or retargets it. */
    private void submit(Handler<?> h) {
        dev.smbco.client.resilience.internal.SendGate g = gate;
        if (g == null || !g.intercept(h)) {
            engine.submit(h.exchange);
        }
    }

    /**
     * Sends {@code body} along {@code route}.
     *
     * @param what     names the request in errors and logs, e.g. {@code CREATE \\host\share\a.txt}
     * @param path     the path for status errors (may be null)
     * @param okStatus statuses besides STATUS_SUCCESS that the parser handles itself
     */
    public <R> Request<R> send(Smb2Request body, Route route, String what, String path, Duration timeout,
                               IntPredicate okStatus, ResponseParser<R> parser) {
        return send(body, route, what, path, timeout, okStatus, parser, null);
    }

    /** As {@link #send(Smb2Request, Route, String, String, Duration, IntPredicate, ResponseParser)}, observing the encoded request. */
    public <R> Request<R> send(Smb2Request body, Route route, String what, String path, Duration timeout,
                               IntPredicate okStatus, ResponseParser<R> parser, Consumer<ByteBuf> onEncoded) {
        return send(body, route, what, path, timeout, okStatus, parser, onEncoded, null);
    }

    /**
     * As {@link #send(Smb2Request, Route, String, String, Duration, IntPredicate, ResponseParser, Consumer)},
     * for a request that creates server state: {@code undo} (may be null) undoes it when the
     * success arrives after the request ended (timed out, cancelled) or its value was refused.
     */
    public <R> Request<R> send(Smb2Request body, Route route, String what, String path, Duration timeout,
                               IntPredicate okStatus, ResponseParser<R> parser, Consumer<ByteBuf> onEncoded, LateSuccess undo) {
        return send(body, route, what, path, timeout, okStatus, parser, onEncoded, undo, false);
    }

    /**
     * As {@link #send(Smb2Request, Route, String, String, Duration, IntPredicate, ResponseParser, Consumer, LateSuccess)};
     * {@code replay} marks the request as one sent again after a reconnection because the first
     * sending's outcome was lost with the connection (MS-SMB2 3.2.4.1.1: SMB2_FLAGS_REPLAY_OPERATION
     * on SMB 3.x).
     */
    public <R> Request<R> send(Smb2Request body, Route route, String what, String path, Duration timeout,
                               IntPredicate okStatus, ResponseParser<R> parser, Consumer<ByteBuf> onEncoded, LateSuccess undo,
                               boolean replay) {
        Completer<R> c = Completer.create(loop);
        c.timeoutException(() -> new SmbTimeoutException(what + ": no response within " + Durations.human(timeout)));
        Handler<R> handler = new Handler<>(c, body, route, what, path, okStatus, parser, undo);
        handler.replay = replay;
        handler.deadline = new SendDeadline(loop, c, timeout);
        handler.exchange = handler.newExchange().onEncoded(onEncoded);
        if (handler.mayRenew() && body instanceof io.netty.util.ReferenceCounted rc) {
            rc.retain(); // kept for a possible second sending; given back when the request ends
            handler.heldBody = true;
        }
        c.onCancel(() -> {
            if (handler.exchange.phase() == Exchange.Phase.DONE && !handler.renewing) {
                return false;
            }
            handler.cancelRequested = true;
            onLoop(what, () -> {
                Exchange x = handler.exchange;
                boolean queued = x.phase() == Exchange.Phase.QUEUED;
                if (handler.renewing) {
                    c.cancelled();
                } else if (engine.cancel(x) && queued) {
                    c.cancelled();
                }
            }, c, null);
            return true;
        });
        c.onCleanup(state -> {
            handler.deadline.cancel();
            if (state == RequestState.TIMED_OUT || state == RequestState.CANCELLED) {
                engine.abandon(handler.exchange);
            }
            if (handler.heldBody) {
                ReferenceCountUtil.release(handler.body);
            }
        });
        Request<R> request = c.request();
        Runnable giveBack = () -> {
            // never reached the engine, whose reference is therefore ours to give back; and the
            // cleanup (which gives back a held one) needs the loop that just refused us
            ReferenceCountUtil.release(body);
            if (handler.heldBody) {
                handler.heldBody = false;
                ReferenceCountUtil.release(body);
            }
        };
        // the deadline runs from the submission on the loop; a loop that refuses it fails the request here
        onLoop(what, () -> {
            handler.deadline.start();
            submit(handler);
        }, c, giveBack);
        return request;
    }

    /**
     * Runs {@code task} on the loop; if the loop refuses it (the client is closing), fails the
     * request and runs {@code refused} here, so that what the task would have taken over (a
     * WRITE's data) is released.
     */
    private void onLoop(String what, Runnable task, Completer<?> c, Runnable refused) {
        if (loop.inLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            if (refused != null) {
                refused.run();
            }
            c.fail(new SmbConnectionLostException(what + ": the client is closed", false, new IOException("event loop shut down", e)));
        }
    }

    /** Completes the completer from the engine's outcome. */
    private final class Handler<R> implements ResponseHandler, dev.smbco.client.resilience.internal.SendGate.Held {
        private final Completer<R> c;
        /** Replaced when a reconnection sends the request along a new route to a reopened handle. */
        private Smb2Request body;
        private Route route;
        private final String what;
        private final String path;
        private final IntPredicate okStatus;
        private final ResponseParser<R> parser;
        private volatile boolean cancelRequested;
        /** The exchange on the wire now: replaced when the request is sent again after re-authentication. */
        private volatile Exchange exchange;
        private volatile boolean renewing;
        private boolean renewed;
        private boolean heldBody;
        private final LateSuccess undo;
        /** Every sending of it carries SMB2_FLAGS_REPLAY_OPERATION (on SMB 3.x). */
        private boolean replay;
        /** The request timeout, stopped while the request waits for a reconnection (loop-confined). */
        private SendDeadline deadline;

        Handler(Completer<R> c, Smb2Request body, Route route, String what, String path, IntPredicate okStatus, ResponseParser<R> parser,
                LateSuccess undo) {
            this.undo = undo;
            this.c = c;
            this.body = body;
            this.route = route;
            this.what = what;
            this.path = path;
            this.okStatus = okStatus;
            this.parser = parser;
        }

        /** A sending of the request: the first, or another after re-authentication; each carries the undo. */
        Exchange newExchange() {
            return new Exchange(body, route.sessionId(), route.treeId(), route.security(), route.sign(), route.encrypt(), what, this)
                    .onLateSuccess(undo).replay(replay);
        }

        @Override
        public void onResponse(Smb2Header header, ByteBuf message) {
            try {
                if (c.request().isDone()) {
                    // ended (timed out, cancelled) before the engine learnt of it: nobody takes this
                    exchange.lateResponse(header, message);
                    return;
                }
                int status = header.status();
                if (status == STATUS_NETWORK_SESSION_EXPIRED && renew()) {
                    return;
                }
                if (status != 0 && (okStatus == null || !okStatus.test(status))) {
                    if (status == STATUS_CANCELLED && c.request().state() == RequestState.IN_PROGRESS && cancelRequested) {
                        c.cancelled();
                    } else {
                        c.fail(StatusErrors.of(status, body.command(), path));
                    }
                    return;
                }
                R value;
                int start = message.readerIndex();
                try {
                    message.skipBytes(Smb2Header.SIZE);
                    value = parser.parse(header, message);
                } catch (SmbException e) {
                    c.fail(e); // the parser's own verdict on a well-formed response
                    return;
                } catch (RuntimeException e) {
                    SmbProtocolException error = new SmbProtocolException(what + ": malformed response: " + e.getMessage(), e);
                    c.fail(error);
                    engine.failAll(error);
                    return;
                }
                if (!c.complete(value)) {
                    // ended meanwhile (timeout, cancel): nobody will take the value, so give it back
                    // and undo what the server created for it
                    ReferenceCountUtil.release(value);
                    message.readerIndex(start);
                    exchange.lateResponse(header, message);
                }
            } finally {
                message.release();
            }
        }

        @Override
        public void onFailure(RuntimeException error) {
            c.fail(error);
        }

        @Override
        public Route route() {
            return route;
        }

        @Override
        public Smb2Request body() {
            return body;
        }

        /**
         * Sends the request after a reconnection (on the loop): along {@code newRoute}, as {@code
         * newBody}; the references this handler held on the old body move to the new one.
         */
        @Override
        public void resend(Route newRoute, Smb2Request newBody) {
            if (newBody != body) {
                ReferenceCountUtil.release(body); // the reference meant for the engine
                if (heldBody) {
                    ReferenceCountUtil.release(body);
                    ReferenceCountUtil.retain(newBody);
                }
                body = newBody;
            }
            route = newRoute;
            if (c.request().isDone()) {
                ReferenceCountUtil.release(body); // cancelled or timed out while it waited
                return;
            }
            exchange = newExchange();
            deadline.start(); // its own timeout counts from this sending, not from before the wait
            engine.submit(exchange);
        }

        @Override
        public void waiting(Duration reconnectDeadline) {
            deadline.waitFor(reconnectDeadline);
        }

        @Override
        public void failHeld(RuntimeException error) {
            ReferenceCountUtil.release(body); // the reference meant for the engine
            c.fail(error);
        }

        /** Whether an expired session may be renewed for this request (not for the session's own set-up or logoff). */
        boolean mayRenew() {
            return renewal != null && route.sessionId() != 0 && body.command() != dev.smbco.protocol.Command.SESSION_SETUP
                    && body.command() != dev.smbco.protocol.Command.LOGOFF;
        }

        /**
         * MS-SMB2 3.2.5.1.6: the server refused the request because the session expired, before acting
         * on it. Re-authenticate, then send the same request once more; a second expiry fails it.
         */
        private boolean renew() {
            SessionRenewal r = renewal;
            if (renewed || !mayRenew() || r == null) {
                return false;
            }
            Request<Void> reauth = r.renew(route.sessionId());
            if (reauth == null) {
                return false;
            }
            renewed = true;
            renewing = true;
            reauth.onDone(done -> {
                renewing = false;
                if (c.request().state() != RequestState.IN_PROGRESS) {
                    return; // cancelled or timed out meanwhile
                }
                if (done.state() != RequestState.DONE) {
                    c.fail(StatusErrors.of(STATUS_NETWORK_SESSION_EXPIRED, body.command(), path));
                    return;
                }
                if (body instanceof io.netty.util.ReferenceCounted rc) {
                    rc.retain(); // the engine releases each sending's reference once
                }
                Exchange again = newExchange();
                exchange = again;
                engine.submit(again);
            });
            return true;
        }
    }
}
