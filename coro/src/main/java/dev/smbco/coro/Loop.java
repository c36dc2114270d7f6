package dev.smbco.coro;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The event loop a {@link Request} delivers on: the Java counterpart of a {@code tevent_context}.
 *
 * <p>Contract every implementation must keep (a Netty {@code EventLoop} keeps it, and so does
 * {@link SingleThreadLoop}):
 * <ul>
 *   <li>tasks run one at a time, in the order they were submitted, never concurrently with each
 *       other; submitting a task happens-before it runs;</li>
 *   <li>{@link #execute(Runnable)} and {@link #schedule(Runnable, long, TimeUnit)} may be called
 *       from any thread and never run the task inline, not even when called on the loop;</li>
 *   <li>the thread(s) running the loop mark themselves with {@link LoopThreads#mark()}, so that
 *       {@link Request#await()} can refuse to block there.</li>
 * </ul>
 * A loop that has been shut down rejects new tasks with
 * {@link java.util.concurrent.RejectedExecutionException}.
 */
public interface Loop extends Executor {

    /** Runs {@code task} on the loop, later, after the tasks already submitted. */
    @Override
    void execute(Runnable task);

    /**
     * Runs {@code task} on the loop once {@code delay} has passed.
     *
     * @param task what to run, on the loop's thread
     * @param delay how long to wait, at least; zero or negative runs it as soon as possible
     * @param unit the unit of {@code delay}
     * @return a handle whose {@link Cancellable#cancel()} drops the timer if it has not fired yet
     */
    Cancellable schedule(Runnable task, long delay, TimeUnit unit);

    /**
     * Whether the calling thread is this loop's thread (so loop-confined state may be touched).
     *
     * @return true on the loop's own thread, false on any other
     */
    boolean inLoop();
}
