package dev.smbco.coro;

import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The result of an asynchronous operation that is still running or has ended: the Java
 * {@code tevent_req}. A {@code fooSend(...)} call returns one at once; its producer ends it
 * through the matching {@link Completer}.
 *
 * <p><b>States.</b> {@link RequestState#IN_PROGRESS} until it ends, exactly once, as
 * {@code DONE} (a value), {@code FAILED} (an exception), {@code TIMED_OUT} or {@code CANCELLED}.
 * The first end wins; later attempts are ignored (see {@link Completer}).
 *
 * <p><b>Threads.</b> Every method may be called from any thread. Completion may come from any
 * thread; callbacks ({@link #onDone}) and cleanup ({@link Completer#onCleanup}) nevertheless always
 * run on the request's {@link #loop()}, and never inline inside the call that starts, ends or
 * subscribes to the request: a request that is already done when a callback is added is still
 * delivered later, through {@link Loop#execute} ({@code tevent_req_post}). The one exception: a
 * request that ends after its loop was shut down delivers on the thread that ends it, since
 * there is no loop left and a dropped callback would leave its waiter waiting for ever.
 *
 * <p><b>Taking the result.</b> {@link #recv()} never blocks (it is a programming error to call it
 * before the request ended); {@link #await()} blocks a non-loop thread until the end; a
 * coroutine uses {@link Co#await(Request)}.
 *
 * @param <T> the value's type
 */
public final class Request<T> {

    private static final System.Logger LOG = System.getLogger(Request.class.getName());

    /** How a request ended; {@code byCompleter} tells a completer's own complete/fail apart. */
    record Outcome(RequestState state, Object value, Throwable failure, boolean byCompleter) {}

    private static final VarHandle OUTCOME;
    private static final VarHandle WAITERS;
    private static final VarHandle TIMER;
    private static final VarHandle CANCEL_HANDLER;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            OUTCOME = l.findVarHandle(Request.class, "outcome", Outcome.class);
            WAITERS = l.findVarHandle(Request.class, "waiters", CountDownLatch.class);
            TIMER = l.findVarHandle(Request.class, "timer", Cancellable.class);
            CANCEL_HANDLER = l.findVarHandle(Request.class, "cancelHandler", BooleanSupplier.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Loop loop;

    // --- shared state, any thread (volatile or through the VarHandles) ---
    /** {@code null} while in progress; set exactly once. */
    private volatile Outcome outcome;
    /** Created by the first {@link #await()} that has to block. */
    private volatile CountDownLatch waiters;
    private volatile Cancellable timer;
    /** Taken (set to null) by the first cancel or timeout that invokes it. */
    private volatile BooleanSupplier cancelHandler;
    private volatile boolean cancelAccepted;
    private volatile Consumer<RequestState> cleanup;
    private volatile Supplier<? extends RuntimeException> timeoutException;

    // --- loop-confined state ---
    private boolean delivered;
    private ArrayList<Consumer<? super Request<T>>> callbacks;

    Request(Loop loop) {
        this.loop = Objects.requireNonNull(loop, "loop");
    }

    /**
     * The loop this request delivers its callbacks on.
     *
     * @return the loop its completer was created with
     */
    public Loop loop() {
        return loop;
    }

    /**
     * The current state; never goes back to {@link RequestState#IN_PROGRESS} once it left. Safe
     * from any thread.
     *
     * @return the state now; may change right after the call while in progress
     */
    public RequestState state() {
        Outcome o = outcome;
        return o == null ? RequestState.IN_PROGRESS : o.state();
    }

    /**
     * Whether the request has ended (in any of the four end states).
     *
     * @return {@code state().isEnded()}
     */
    public boolean isDone() {
        return outcome != null;
    }

    /**
     * The exception the request ended with ({@code FAILED}, {@code TIMED_OUT}, {@code CANCELLED}),
     * as it was given, never wrapped.
     *
     * @return the failure; {@code null} while in progress or when {@code DONE}
     */
    public Throwable failure() {
        Outcome o = outcome;
        return o == null ? null : o.failure();
    }

    /**
     * The result, without ever blocking: the value when {@code DONE}; otherwise throws the
     * failure: unchecked exceptions and errors as they are (the very instance the producer gave),
     * checked ones wrapped in {@link RequestFailedException}; {@code TIMED_OUT} throws its
     * {@link RequestTimeoutException} (or the completer's own type), {@code CANCELLED} its
     * {@link RequestCancelledException}.
     *
     * @return the value the request ended {@code DONE} with (may be null)
     * @throws IllegalStateException while the request is still in progress (a programming error)
     */
    @SuppressWarnings("unchecked")
    public T recv() {
        Outcome o = outcome;
        if (o == null) {
            throw new IllegalStateException("recv() on a request still in progress; wait for onDone or use await()");
        }
        if (o.state() == RequestState.DONE) {
            return (T) o.value();
        }
        Throwable f = o.failure();
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error err) {
            throw err;
        }
        throw new RequestFailedException(f);
    }

    /**
     * Blocks the calling thread until the request has ended, then returns {@link #recv()}.
     * Works from virtual threads without pinning their carrier. The wait is not interruptible;
     * an interrupt that arrives during it is kept (the thread's interrupt status is set again).
     * Bound the wait with {@link #withTimeout(Duration)}.
     *
     * @return the value, as {@link #recv()} returns it (and the failure thrown as it throws it)
     * @throws IllegalStateException at once, without waiting, when called on a loop thread
     *     ({@link LoopThreads#isLoopThread()}, or this request's loop): that would block the loop
     *     that has to deliver the very event being waited for
     */
    public T await() {
        if (LoopThreads.isLoopThread() || loop.inLoop()) {
            throw new IllegalStateException("await() on loop thread " + Thread.currentThread().getName()
                    + " would block the event loop; use onDone(...) or Coroutine/Co.await(...)");
        }
        if (outcome == null) {
            CountDownLatch latch = waiters;
            if (latch == null) {
                CountDownLatch mine = new CountDownLatch(1);
                latch = WAITERS.compareAndSet(this, null, mine) ? mine : waiters;
            }
            // The completer sets outcome before it reads waiters; we set waiters before we read
            // outcome: one of us sees the other, so no wake-up is lost.
            if (outcome == null) {
                awaitUninterruptibly(latch);
            }
        }
        return recv();
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Adds a callback that runs once, on the loop, after the request has ended (after the
     * producer's cleanup). Never runs inline, not even if the request has already ended; callbacks
     * added before the end run in the order they were added. A callback that throws is logged
     * and does not stop the others.
     *
     * @param callback given this request, ended
     * @return this request
     * @throws java.util.concurrent.RejectedExecutionException if the loop has been shut down
     */
    public Request<T> onDone(Consumer<? super Request<T>> callback) {
        Objects.requireNonNull(callback, "callback");
        if (loop.inLoop() && !delivered) {
            addCallback(callback); // loop-confined state, and nothing runs now
        } else {
            loop.execute(() -> {
                if (delivered) {
                    runCallback(callback);
                } else {
                    addCallback(callback);
                }
            });
        }
        return this;
    }

    private void addCallback(Consumer<? super Request<T>> callback) {
        if (callbacks == null) {
            callbacks = new ArrayList<>(2);
        }
        callbacks.add(callback);
    }

    /**
     * Ends the request {@link RequestState#TIMED_OUT} if it has not ended within {@code timeout}
     * ({@code tevent_req_set_endtime}). The timer runs on the loop; when it fires it ends the
     * request with the completer's {@link Completer#timeoutException(Supplier) exception}, or
     * else a {@link RequestTimeoutException} naming the duration, and <em>then invokes the
     * producer's cancel handler</em> (its answer ignored) so the producer can stop the work and
     * release what it holds; the producer's cleanup runs as for any other end. The timer is
     * dropped when the request ends otherwise. Calling this again replaces the earlier timeout;
     * on an ended request it does nothing.
     *
     * @param timeout the longest the request may take, counted from this call; not null (zero or
     *     negative ends it on the loop's next turn)
     * @return this request
     */
    public Request<T> withTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (outcome != null) {
            return this;
        }
        Cancellable t = loop.schedule(() -> expire(timeout), Durations.delayNanos(timeout), TimeUnit.NANOSECONDS);
        Cancellable previous = (Cancellable) TIMER.getAndSet(this, t);
        if (previous != null) {
            previous.cancel();
        }
        if (outcome != null) {
            t.cancel(); // ended meanwhile; delivery may already have swept the timer slot
        }
        return this;
    }

    /**
     * As {@link #withTimeout(Duration)}, ending the request with the exception {@code onTimeout}
     * makes (instead of the completer's): a caller that bounds a composite names it and its
     * deadline in the failure.
     *
     * @param timeout the longest the request may take, counted from this call; not null (zero or
     *     negative ends it on the loop's next turn)
     * @param onTimeout called on the loop when the timer fires, for the exception the request
     *     ends with; not null. It replaces the completer's supplier; on an ended request it is
     *     ignored. If it throws or returns null, the request ends with a
     *     {@link RequestTimeoutException} as usual (a throw is logged)
     * @return this request
     */
    public Request<T> withTimeout(Duration timeout, Supplier<? extends RuntimeException> onTimeout) {
        Objects.requireNonNull(onTimeout, "onTimeout");
        if (outcome == null) {
            timeoutException = onTimeout;
        }
        return withTimeout(timeout);
    }

    void expire(Duration timeout) {
        if (outcome != null) {
            return;
        }
        RuntimeException e = null;
        Supplier<? extends RuntimeException> s = timeoutException;
        if (s != null) {
            try {
                e = s.get();
            } catch (RuntimeException broken) {
                LOG.log(Level.WARNING, "timeout exception supplier threw; using the default", broken);
            }
        }
        if (e == null) {
            e = new RequestTimeoutException("request timed out after " + timeout);
        }
        // end() drops the handler, so take it first; it is of no use if the request ended otherwise
        BooleanSupplier h = (BooleanSupplier) CANCEL_HANDLER.getAndSet(this, null);
        if (end(new Outcome(RequestState.TIMED_OUT, null, e, false)) && h != null) {
            invoke(h);
        }
    }

    /**
     * Asks the producer to cancel ({@code tevent_req_cancel}): invokes its cancel handler on the
     * calling thread and returns the handler's answer, i.e. whether cancelling was
     * <em>possible</em>. Whether the request <em>was</em> cancelled is told by its own end state
     * ({@code CANCELLED}, or a result that won the race). Without a handler, or once the request
     * has ended, returns {@code false} and changes nothing. The handler is invoked at most once
     * (by a cancel or a timeout); a repeated cancel returns the first answer.
     *
     * @return whether the producer could cancel
     */
    public boolean cancel() {
        if (outcome != null) {
            return false;
        }
        return invokeCancelHandler();
    }

    private boolean invokeCancelHandler() {
        BooleanSupplier h = (BooleanSupplier) CANCEL_HANDLER.getAndSet(this, null);
        return h == null ? cancelAccepted : invoke(h);
    }

    private boolean invoke(BooleanSupplier h) {
        boolean accepted;
        try {
            accepted = h.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "cancel handler threw", e);
            accepted = false;
        }
        cancelAccepted = accepted;
        return accepted;
    }

    /**
     * A future completed (on the loop) with this request's value, or completed exceptionally
     * with its {@link #failure()} as it is. Cancelling the future asks this request to
     * {@link #cancel()}. Each call returns a new future.
     *
     * @return a new future tied to this request
     */
    @SuppressWarnings("unchecked")
    public CompletableFuture<T> toCompletableFuture() {
        CompletableFuture<T> f = new CompletableFuture<>();
        onDone(r -> {
            Outcome o = outcome;
            if (o.state() == RequestState.DONE) {
                f.complete((T) o.value());
            } else {
                f.completeExceptionally(o.failure());
            }
        });
        f.whenComplete((v, t) -> {
            if (f.isCancelled()) {
                cancel();
            }
        });
        return f;
    }

    @Override
    public String toString() {
        Outcome o = outcome;
        if (o == null) {
            return "Request[IN_PROGRESS]";
        }
        return o.state() == RequestState.DONE
                ? "Request[DONE]"
                : "Request[" + o.state() + ": " + o.failure() + "]";
    }

    // ------------------------------------------------------------------ producer side (Completer)

    Outcome outcome() {
        return outcome;
    }

    void setCancelHandler(BooleanSupplier handler) {
        cancelHandler = handler;
    }

    void setCleanup(Consumer<RequestState> c) {
        cleanup = c;
    }

    void setTimeoutException(Supplier<? extends RuntimeException> s) {
        timeoutException = s;
    }

    /**
     * Ends the request if it is still in progress: posts the delivery (cleanup, then callbacks)
     * to the loop, then wakes blocked awaiters.
     *
     * @return whether this call ended it
     */
    boolean end(Outcome o) {
        if (!OUTCOME.compareAndSet(this, null, o)) {
            return false;
        }
        cancelHandler = null; // nothing left to cancel; let the producer's state go
        try {
            loop.execute(this::deliver);
        } catch (RejectedExecutionException e) {
            // the loop is gone (a client closed while a coroutine was still unwinding): there is
            // no loop left to run on, and dropping the callbacks would strand whoever waits on
            // them (a parked coroutine, a latch), so deliver here, on the ending thread
            LOG.log(Level.DEBUG, "loop " + loop + " is shut down; delivering on the ending thread");
            deliver();
        }
        // wake blocked awaiters only now, so that once await() returns the delivery is queued
        // (a caller that closes the loop right after await() does not strand the callbacks)
        CountDownLatch latch = waiters;
        if (latch != null) {
            latch.countDown();
        }
        return true;
    }

    /** On the loop: drop the timer, run the cleanup, then the callbacks. */
    private void deliver() {
        delivered = true;
        Cancellable t = (Cancellable) TIMER.getAndSet(this, null);
        if (t != null) {
            t.cancel();
        }
        Consumer<RequestState> c = cleanup;
        cleanup = null;
        if (c != null) {
            try {
                c.accept(outcome.state());
            } catch (Throwable e) {
                LOG.log(Level.WARNING, "request cleanup threw", e);
            }
        }
        ArrayList<Consumer<? super Request<T>>> cbs = callbacks;
        callbacks = null;
        if (cbs != null) {
            for (Consumer<? super Request<T>> cb : cbs) {
                runCallback(cb);
            }
        }
    }

    private void runCallback(Consumer<? super Request<T>> cb) {
        try {
            cb.accept(this);
        } catch (Throwable e) {
            // keep going: a lost callback could leave a coroutine parked for ever
            LOG.log(Level.WARNING, "request callback threw", e);
        }
    }
}
