package dev.smbco.coro;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A timer of {@link SingleThreadLoop}: pending until it fires or is cancelled, whichever comes
 * first (one atomic state, so {@link #cancel()} answers truthfully from any thread).
 */
final class LoopTimer extends AtomicInteger implements Cancellable, Comparable<LoopTimer> {

    private static final int PENDING = 0;
    private static final int FIRED = 1;
    private static final int CANCELLED = 2;

    final Runnable task;
    final long deadline;
    /** Tie-breaker for equal deadlines (first scheduled, first run); set on the loop. */
    long seq;
    private final AtomicInteger cancelledCount;

    LoopTimer(Runnable task, long deadline, AtomicInteger cancelledCount) {
        this.task = task;
        this.deadline = deadline;
        this.cancelledCount = cancelledCount;
    }

    @Override
    public boolean cancel() {
        if (compareAndSet(PENDING, CANCELLED)) {
            cancelledCount.incrementAndGet();
            return true;
        }
        return false;
    }

    boolean isCancelled() {
        return get() == CANCELLED;
    }

    /** On the loop: claims the timer for running; false if it was cancelled first. */
    boolean fire() {
        return compareAndSet(PENDING, FIRED);
    }

    @Override
    public int compareTo(LoopTimer o) {
        int c = Long.compare(deadline - o.deadline, 0);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
