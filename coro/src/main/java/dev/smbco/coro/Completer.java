package dev.smbco.coro;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The producer's side of a {@link Request}: whoever starts an operation creates a completer,
 * hands out its {@link #request()} and later ends it with {@link #complete}, {@link #fail} or
 * {@link #cancelled()}.
 *
 * <p><b>Exactly once.</b> The first end wins, whoever causes it (the completer, a timeout, a
 * cancel handler). A later attempt changes nothing and returns {@code false}. Losing a race
 * against a timeout or a cancellation is normal and stays quiet; but a second
 * {@code complete}/{@code fail} after this completer has itself already completed or failed the
 * request is a bug in the producer, and is reported through the {@link #setBugReporter bug
 * reporter} (by default a System.Logger WARNING with the stack of the second call).
 *
 * <p>All methods may be called from any thread; the request's callbacks and the cleanup still run
 * on its loop.
 *
 * @param <T> the value's type
 */
public final class Completer<T> {

    private static final System.Logger LOG = System.getLogger(Completer.class.getName());

    private static final Consumer<IllegalStateException> DEFAULT_REPORTER =
            e -> LOG.log(Level.WARNING, e.getMessage(), e);

    private static volatile Consumer<IllegalStateException> bugReporter = DEFAULT_REPORTER;

    private final Request<T> request;

    private Completer(Loop loop) {
        this.request = new Request<>(loop);
    }

    /**
     * A completer with a new in-progress request on {@code loop}.
     *
     * @param <T> the type of the request's value
     * @param loop the loop the request's callbacks, cleanup and timeout run on
     * @return a completer whose {@link #request()} is {@link RequestState#IN_PROGRESS}
     */
    public static <T> Completer<T> create(Loop loop) {
        return new Completer<>(loop);
    }

    /**
     * Replaces the process-wide sink for completion bugs (a second complete/fail by the same
     * completer); {@code null} restores the default (System.Logger WARNING). Meant for tests that
     * want to assert that no, or some, bug was detected.
     *
     * @param reporter the new sink, called on the thread that made the second call; or null
     * @return the reporter that was installed before
     */
    public static Consumer<IllegalStateException> setBugReporter(Consumer<IllegalStateException> reporter) {
        Consumer<IllegalStateException> previous = bugReporter;
        bugReporter = reporter == null ? DEFAULT_REPORTER : reporter;
        return previous;
    }

    /**
     * The request this completer ends, to hand to the consumer.
     *
     * @return the same request on every call
     */
    public Request<T> request() {
        return request;
    }

    /**
     * Ends the request {@link RequestState#DONE} with {@code value} (may be {@code null}).
     *
     * @param value the request's value
     * @return {@code true} if this call ended it; {@code false} if it had already ended (reported
     *     as a bug when this completer had itself completed or failed it)
     */
    public boolean complete(T value) {
        return settle(new Request.Outcome(RequestState.DONE, value, null, true), "complete", true);
    }

    /**
     * Ends the request {@link RequestState#FAILED} with {@code failure}, which {@link Request#recv()}
     * rethrows as it is when unchecked, wrapped in {@link RequestFailedException} when checked.
     *
     * @param failure why the request failed; not null
     * @return as for {@link #complete}
     */
    public boolean fail(Throwable failure) {
        Objects.requireNonNull(failure, "failure");
        return settle(new Request.Outcome(RequestState.FAILED, null, failure, true), "fail", true);
    }

    /**
     * Ends the request {@link RequestState#CANCELLED} (with a {@link RequestCancelledException}),
     * typically from the {@link #onCancel cancel handler} once the operation has really been
     * called off. Never reported as a bug: a cancellation racing a real result is normal.
     *
     * @return whether this call ended the request
     */
    public boolean cancelled() {
        return cancelled(new RequestCancelledException("request cancelled"));
    }

    boolean cancelled(RequestCancelledException e) {
        return request.end(new Request.Outcome(RequestState.CANCELLED, null, e, false));
    }

    /** {@link #fail} for combinators in which several inputs may race to fail: never a bug. */
    boolean failQuietly(Throwable failure) {
        return settle(new Request.Outcome(RequestState.FAILED, null, failure, true), "fail", false);
    }

    /** {@link #complete} for combinators in which several inputs may race to succeed: never a bug. */
    boolean completeQuietly(T value) {
        return settle(new Request.Outcome(RequestState.DONE, value, null, true), "complete", false);
    }

    private boolean settle(Request.Outcome o, String op, boolean reportBug) {
        if (request.end(o)) {
            return true;
        }
        Request.Outcome first = request.outcome();
        if (reportBug && first.byCompleter()) {
            bugReporter.accept(new IllegalStateException("request already ended " + first.state()
                    + " by its completer; second " + op + "(...) ignored: the producer completes twice"));
        }
        return false;
    }

    /**
     * Sets the cancel handler ({@code tevent_req_set_cancel_fn}). It is invoked at most once: by
     * {@link Request#cancel()} (on the caller's thread, so it must be thread-safe) or when the
     * request times out (on the loop, after the request has already ended {@code TIMED_OUT}, so
     * the producer can stop the work and let go of it). It returns whether cancelling was
     * possible; it may end the request itself with {@link #cancelled()}, or let the real result
     * arrive.
     *
     * @param handler the producer's cancel action; returns whether it could cancel
     * @return this completer
     */
    public Completer<T> onCancel(BooleanSupplier handler) {
        request.setCancelHandler(Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /**
     * Sets the cleanup ({@code tevent_req_set_cleanup_fn}): runs once, on the loop, when the
     * request leaves {@link RequestState#IN_PROGRESS}, before any {@link Request#onDone} callback,
     * with the end state. The place to drop timers and leave pending tables.
     *
     * @param cleanup given the state the request ended in
     * @return this completer
     */
    public Completer<T> onCleanup(Consumer<RequestState> cleanup) {
        request.setCleanup(Objects.requireNonNull(cleanup, "cleanup"));
        return this;
    }

    /**
     * Supplies the exception a timeout ends the request with (for example a client's own
     * subclass of {@link RequestTimeoutException}); without it, or when it returns {@code null},
     * a plain {@link RequestTimeoutException} naming the duration is used.
     *
     * @param factory called once, on the loop, when the timeout fires
     * @return this completer
     */
    public Completer<T> timeoutException(Supplier<? extends RuntimeException> factory) {
        request.setTimeoutException(Objects.requireNonNull(factory, "factory"));
        return this;
    }

    /**
     * Ends the request {@link RequestState#TIMED_OUT} now, exactly as a {@link
     * Request#withTimeout(Duration) timeout} does when it fires: with the {@link
     * #timeoutException(Supplier) timeout exception}, then the cancel handler. For a producer that
     * keeps a deadline of its own, one it arms again when the clock must restart (a request that
     * waited for something that should not count against it), independent of any timeout its
     * caller set with {@code withTimeout}. Does nothing on an ended request.
     *
     * @param after how long the request ran, for the default exception's message
     */
    public void expire(Duration after) {
        request.expire(Objects.requireNonNull(after, "after"));
    }

    @Override
    public String toString() {
        return "Completer[" + request + "]";
    }
}
