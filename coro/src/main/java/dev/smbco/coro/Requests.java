package dev.smbco.coro;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ready-made requests and combinators. Every request they return delivers on the given loop,
 * never inline, like any other.
 */
public final class Requests {

    private Requests() {}

    /**
     * A request that is already {@code DONE} with {@code value} (its callbacks still run via the loop).
     *
     * @param <T> the type of the value
     * @param loop the loop its callbacks run on
     * @param value the value, may be null
     * @return an ended request
     */
    public static <T> Request<T> completed(Loop loop, T value) {
        Completer<T> c = Completer.create(loop);
        c.complete(value);
        return c.request();
    }

    /**
     * A request that has already {@code FAILED} with {@code failure}.
     *
     * @param <T> the type of the value it would have had
     * @param loop the loop its callbacks run on
     * @param failure the failure, not null
     * @return an ended request
     */
    public static <T> Request<T> failed(Loop loop, Throwable failure) {
        Completer<T> c = Completer.create(loop);
        c.fail(failure);
        return c.request();
    }

    /**
     * A request that completes ({@code DONE}, value {@code null}) once {@code delay} has passed,
     * by a loop timer. Cancelling it drops the timer and ends it {@code CANCELLED} (returns
     * {@code false} if the timer had already fired).
     *
     * @param loop the loop whose timer ends it
     * @param delay how long until it completes
     * @return a request in progress
     */
    public static Request<Void> sleep(Loop loop, Duration delay) {
        Objects.requireNonNull(delay, "delay");
        Completer<Void> c = Completer.create(loop);
        Cancellable timer = loop.schedule(() -> c.complete(null), Durations.delayNanos(delay), TimeUnit.NANOSECONDS);
        c.onCancel(() -> timer.cancel() && c.cancelled());
        c.onCleanup(state -> timer.cancel()); // a timeout ends it before the timer fires
        return c.request();
    }

    /**
     * Waits for all {@code requests}: {@code DONE} with their values in input order (nulls
     * allowed; an empty input completes with an empty list). As soon as one of them ends in any
     * other way, the result {@code FAILED} with that request's {@link Request#failure() failure},
     * and the others still running are cancelled. Cancelling (or timing out) the result cancels
     * every input still running; a cancel ends the result {@code CANCELLED} at once.
     *
     * @param <T> the type of the inputs' values
     * @param loop the loop the result's callbacks run on (the inputs may be on others)
     * @param requests the inputs, copied
     * @return a request for the list of values, in input order
     */
    public static <T> Request<List<T>> all(Loop loop, List<Request<T>> requests) {
        List<Request<T>> inputs = List.copyOf(requests);
        Completer<List<T>> c = Completer.create(loop);
        if (inputs.isEmpty()) {
            c.complete(List.of());
            return c.request();
        }
        @SuppressWarnings("unchecked")
        T[] values = (T[]) new Object[inputs.size()];
        AtomicInteger remaining = new AtomicInteger(inputs.size());
        c.onCancel(() -> {
            cancelAll(inputs);
            c.cancelled();
            return true;
        });
        for (int i = 0; i < inputs.size(); i++) {
            int index = i;
            inputs.get(i).onDone(r -> {
                if (r.state() == RequestState.DONE) {
                    values[index] = r.recv();
                    if (remaining.decrementAndGet() == 0) {
                        c.completeQuietly(Collections.unmodifiableList(Arrays.asList(values)));
                    }
                } else if (c.failQuietly(r.failure())) {
                    cancelAll(inputs);
                }
            });
        }
        return c.request();
    }

    /**
     * Waits for the first of {@code requests} to <em>succeed</em>: {@code DONE} with its value,
     * and every other input still running is cancelled. If all of them end without a value, the
     * result {@code FAILED} with the failure of the last one to end.
     *
     * <p>Why first success rather than first end: this is the combinator for alternatives
     * (several addresses of one server, several replicas of a file), where one of them failing
     * says nothing yet about the others; "first end" is {@code all} with a different stopping rule
     * and easy to build with {@link Request#onDone} when it is really wanted. The last failure is
     * reported because by then it is the most recent thing that went wrong and all earlier ones
     * are visible on the inputs themselves.
     *
     * <p>Cancelling (or timing out) the result cancels every input still running; a cancel ends
     * the result {@code CANCELLED} at once. An input that succeeds after the result has ended (a
     * loser) delivers its value to nobody: an {@link AutoCloseable} one is closed.
     *
     * @param <T> the type of the inputs' values
     * @param loop the loop the result's callbacks run on (the inputs may be on others)
     * @param requests the inputs, copied; at least one
     * @return a request for the first value
     * @throws IllegalArgumentException if {@code requests} is empty (nothing could ever win)
     */
    public static <T> Request<T> first(Loop loop, List<Request<T>> requests) {
        List<Request<T>> inputs = List.copyOf(requests);
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("first(...) of no requests");
        }
        Completer<T> c = Completer.create(loop);
        AtomicInteger remaining = new AtomicInteger(inputs.size());
        c.onCancel(() -> {
            cancelAll(inputs);
            c.cancelled();
            return true;
        });
        for (Request<T> input : inputs) {
            input.onDone(r -> {
                if (r.state() == RequestState.DONE) {
                    if (c.completeQuietly(r.recv())) {
                        cancelAll(inputs);
                    } else {
                        Unclaimed.close(r.recv()); // a loser that succeeded anyway: its value reaches nobody
                    }
                } else if (remaining.decrementAndGet() == 0) {
                    c.failQuietly(r.failure());
                }
            });
        }
        return c.request();
    }

    /**
     * A request of its own for one caller of shared work: it ends as {@code shared} ends (its value,
     * or failed with the very same exception), but cancelling or timing it out ends only this
     * request, never the work others wait for. The pieces that share one connect, logon or DFS
     * referral among many callers hand each caller one of these.
     *
     * @param <T> the type of the shared value
     * @param loop the loop the result's callbacks run on
     * @param shared the work being shared; not cancelled through the result
     * @return a request that follows {@code shared}
     */
    public static <T> Request<T> follow(Loop loop, Request<T> shared) {
        Completer<T> mine = Completer.create(loop);
        mine.onCancel(mine::cancelled);
        shared.onDone(r -> {
            if (mine.request().isDone()) {
                return; // this caller stopped waiting
            }
            if (r.state() == RequestState.DONE) {
                mine.complete(r.recv());
            } else {
                mine.fail(r.failure());
            }
        });
        return mine.request();
    }

    private static <T> void cancelAll(List<Request<T>> inputs) {
        for (Request<T> r : new ArrayList<>(inputs)) {
            r.cancel(); // a no-op on those that have ended
        }
    }
}
