package dev.smbco.coro;

import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * A running coroutine, as its body sees it: the only way for the body to wait is
 * {@link #await(Request)}, on its own virtual thread.
 */
public final class Co {

    private final Loop loop;
    private final Request<?> request;
    /** The body's virtual thread; set on the loop just before it starts. */
    private volatile Thread thread;
    /** The sub-request being awaited, so that a cancel can pass on to it. */
    private volatile Request<?> awaiting;
    /** Set once by cancel or timeout: what {@link #await} throws from then on. */
    private volatile RuntimeException abort;

    Co(Loop loop, Request<?> request) {
        this.loop = loop;
        this.request = request;
    }

    /**
     * The loop the coroutine was started on (handy for {@code Requests.sleep(co.loop(), ...)}).
     *
     * @return the loop given to {@link Coroutine#start}
     */
    public Loop loop() {
        return loop;
    }

    /**
     * Whether the coroutine's request has been cancelled or has timed out; safe from any thread.
     *
     * @return true once the next {@link #await} would throw instead of waiting
     */
    public boolean isCancelled() {
        return abort != null;
    }

    /**
     * Waits for {@code sub} to end, parking this coroutine's virtual thread (and nothing else),
     * then returns its value or throws its failure exactly as {@link Request#recv()} does, so
     * {@code try}/{@code finally} unwinds naturally. Returns at once if {@code sub} has already
     * ended. Not interruptible; an interrupt is kept for the body to see.
     *
     * @throws RequestCancelledException if the coroutine is cancelled, while waiting or before
     *     (the awaited sub-request is cancelled too, but not waited for; should it still end
     *     {@code DONE} with an {@link AutoCloseable} value, that value is closed, since the body
     *     never receives it)
     * @throws RequestTimeoutException (or the completer's own timeout type) likewise when the
     *     coroutine's request times out
     * @throws IllegalStateException when called from any thread but the body's own
     * @param <R> the type of the sub-request's value
     * @param sub the request to wait for, started by anyone on any loop; not null
     * @return the sub-request's value ({@code null} if it ended {@code DONE} with null)
     */
    public <R> R await(Request<R> sub) {
        Objects.requireNonNull(sub, "sub");
        Thread me = Thread.currentThread();
        if (me != thread) {
            throw new IllegalStateException("Co.await(...) called from " + me
                    + "; only the coroutine's own body thread may await");
        }
        if (abort != null) {
            // the body will never see this one's value: stop it, and close what it brings anyway
            sub.cancel();
            Unclaimed.closeWhenDone(sub);
            throwIfAborted();
        }
        if (!sub.isDone()) {
            awaiting = sub;
            try {
                sub.onDone(r -> LockSupport.unpark(me));
                boolean interrupted = false;
                // abort is written before awaiting is read by abort(); we write awaiting before
                // reading abort: either we see the abort or it sees (and cancels) our sub-request
                while (!sub.isDone() && abort == null) {
                    LockSupport.park(this);
                    if (Thread.interrupted()) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    me.interrupt();
                }
            } finally {
                awaiting = null;
            }
            if (abort != null) {
                // aborted while waiting: abort() cancelled the sub-request, but it may still end
                // DONE (its reply won the race); that value reaches nobody, so it is closed
                Unclaimed.closeWhenDone(sub);
                throwIfAborted();
            }
        }
        return sub.recv();
    }

    private void throwIfAborted() {
        RuntimeException a = abort;
        if (a == null) {
            return;
        }
        if (a instanceof RequestCancelledException) {
            // a fresh one, so its stack trace shows where the body was waiting
            throw new RequestCancelledException("coroutine cancelled");
        }
        throw a; // the coroutine request's own timeout exception
    }

    void bind(Thread t) {
        thread = t;
    }

    /** The coroutine request's cancel handler: also invoked (on the loop) after a timeout. */
    boolean abort() {
        RuntimeException why = request.state() == RequestState.TIMED_OUT && request.failure() instanceof RuntimeException re
                ? re
                : new RequestCancelledException("coroutine cancelled");
        abort = why;
        Request<?> sub = awaiting;
        if (sub != null) {
            sub.cancel();
        }
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
        return true;
    }
}
