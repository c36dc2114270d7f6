package dev.smbco.coro;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Starts coroutines: sequential Java bodies, each on its own virtual thread, that drive
 * requests one after the other with {@link Co#await(Request)} (the {@code tevent_coroutine}
 * idea, with virtual threads as the self-growing stacks).
 *
 * <p>A coroutine is called like any other send/recv pair: {@link #start} returns a
 * {@link Request} at once, and the caller need not know a coroutine is behind it. Coroutines
 * never switch to each other; one that waits for another awaits that one's request.
 */
public final class Coroutine {

    private static final AtomicLong SEQ = new AtomicLong();

    private Coroutine() {}

    /**
     * The code of a coroutine. It may only yield by {@link Co#await(Request) co.await}ing
     * sub-requests; its return value completes the coroutine's request, an exception it throws
     * fails the request with that very exception.
     *
     * @param <T> the value's type
     */
    @FunctionalInterface
    public interface Body<T> {
        /**
         * Runs the coroutine on its own virtual thread.
         *
         * @param co the coroutine's handle: {@link Co#await} waits for sub-requests
         * @return the coroutine request's value
         * @throws Exception any failure, which ends the request {@code FAILED} with it
         */
        T run(Co co) throws Exception;
    }

    /**
     * Starts a coroutine. The body is never run inline: {@code start} only schedules it on
     * {@code loop} (the "immediate event" that seeds it) and returns the coroutine's request.
     * When that task runs, the body starts on a new virtual thread named {@code coro-N}.
     *
     * <p>The request ends when the body ends: {@code DONE} with its return value, {@code FAILED}
     * with the exception it threw. Cancelling the request ({@link Request#cancel()}, which then
     * returns {@code true}) cancels the sub-request being awaited and makes that
     * {@link Co#await(Request)} (and every later one) throw {@link RequestCancelledException}, even
     * if the sub-request ignores the cancel; the body unwinds, its {@code finally} blocks run, and
     * the request ends {@code CANCELLED} once the body lets that exception out (or however the
     * body chooses to end). A timeout ends the request {@code TIMED_OUT} at once and unwinds the
     * body the same way, with the timeout exception. A value that reaches nobody — the body's
     * return value once the request has ended, or what an awaited sub-request delivers after the
     * abort — is closed if it is {@link AutoCloseable}. A coroutine cancelled before its body started
     * ends {@code CANCELLED} without running it.
     *
     * @param <T> the type of the body's value
     * @param loop the loop the request's callbacks and timeout run on
     * @param body the code to run, once, on the coroutine's virtual thread
     * @return the coroutine's request, {@link RequestState#IN_PROGRESS} until the body ends
     */
    public static <T> Request<T> start(Loop loop, Body<T> body) {
        Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(body, "body");
        Completer<T> completer = Completer.create(loop);
        Co co = new Co(loop, completer.request());
        completer.onCancel(co::abort);
        loop.execute(() -> launch(co, completer, body));
        return completer.request();
    }

    /** On the loop: the coroutine's first (and only) immediate event. */
    private static <T> void launch(Co co, Completer<T> completer, Body<T> body) {
        if (completer.request().isDone()) {
            return; // timed out before it started
        }
        if (co.isCancelled()) {
            completer.cancelled(new RequestCancelledException("coroutine cancelled before its body started"));
            return;
        }
        Thread thread = Thread.ofVirtual()
                .name("coro-" + SEQ.incrementAndGet())
                .unstarted(() -> runBody(co, completer, body));
        co.bind(thread);
        thread.start();
    }

    /** On the coroutine's virtual thread. */
    private static <T> void runBody(Co co, Completer<T> completer, Body<T> body) {
        T value;
        try {
            value = body.run(co);
        } catch (RequestCancelledException e) {
            if (co.isCancelled()) {
                completer.cancelled(e);
            } else {
                completer.fail(e); // a sub-request was cancelled by someone else
            }
            return;
        } catch (Throwable t) {
            completer.fail(t);
            return;
        }
        if (!completer.complete(value)) {
            // the request ended meanwhile (timed out, cancelled): nobody receives the value
            Unclaimed.closeHere(value);
        }
    }
}
