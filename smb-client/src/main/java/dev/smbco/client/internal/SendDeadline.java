package dev.smbco.client.internal;

import dev.smbco.coro.Cancellable;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Loop;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The per-request deadline of a request the {@link Sender} made: the configured request timeout,
 * counted from when the request goes to the server. While it waits for a reconnection (at the
 * {@code SendGate}) its clock does not run: the reconnection's own deadline governs that wait
 * (when it passes, everything that waited fails once), and the request's timeout starts anew
 * when it is sent on the new connection. So a request timeout shorter than a network blip does
 * not fail requests that the reconnection would have carried. It is the producer's deadline,
 * apart from any timeout the caller sets on the request with {@code withTimeout}, which keeps
 * running. A compound chain ({@code ChainCall}) keeps one too, dropped when the chain goes as
 * separate requests (which then carry their own). Loop-confined.
 */
public final class SendDeadline {
    private final Loop loop;
    private final Completer<?> request;
    private final Duration timeout;
    private Cancellable timer;

    public SendDeadline(Loop loop, Completer<?> request, Duration timeout) {
        this.loop = loop;
        this.request = request;
        this.timeout = timeout;
    }

    /** The request goes to the server (first or again): the full timeout from now. */
    public void start() {
        arm(timeout);
    }

    /**
     * The request waits for a reconnection that gives up within {@code reconnectDeadline}: it
     * gets that long plus its own timeout, a bound only a reconnection that never ended would reach.
     */
    public void waitFor(Duration reconnectDeadline) {
        arm(reconnectDeadline.plus(timeout));
    }

    /** The request ended: no deadline any more. */
    public void cancel() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void arm(Duration d) {
        cancel();
        if (request.request().isDone()) {
            return; // ended before it went out (cancelled): no timer to leave behind
        }
        timer = loop.schedule(() -> request.expire(d), Math.max(1, d.toNanos()), TimeUnit.NANOSECONDS);
    }
}
