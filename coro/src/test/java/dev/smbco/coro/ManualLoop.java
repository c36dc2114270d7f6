package dev.smbco.coro;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A deterministic {@link Loop} for tests: tasks wait in a queue until the test calls
 * {@link #runPending()}; timers fire only when the test calls {@link #fireTimers()}.
 */
final class ManualLoop implements Loop {

    /** A timer the test can fire by hand and ask whether it was dropped. */
    static final class Timer implements Cancellable {
        final Runnable task;
        final long delayNanos;
        volatile boolean cancelled;
        volatile boolean fired;

        Timer(Runnable task, long delayNanos) {
            this.task = task;
            this.delayNanos = delayNanos;
        }

        @Override
        public boolean cancel() {
            if (cancelled || fired) {
                return false;
            }
            cancelled = true;
            return true;
        }
    }

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    final List<Timer> timers = new ArrayList<>();
    private volatile Thread running;

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Timer t = new Timer(task, unit.toNanos(delay));
        timers.add(t);
        return t;
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == running;
    }

    synchronized int pending() {
        return tasks.size();
    }

    /** Runs queued tasks (also those they queue) until the queue is empty; returns how many ran. */
    int runPending() {
        int n = 0;
        running = Thread.currentThread();
        try {
            while (true) {
                Runnable r;
                synchronized (this) {
                    r = tasks.poll();
                }
                if (r == null) {
                    return n;
                }
                r.run();
                n++;
            }
        } finally {
            running = null;
        }
    }

    /** Fires every timer that has not been cancelled or fired (as the loop would), then runs tasks. */
    void fireTimers() {
        List<Timer> due;
        synchronized (this) {
            due = new ArrayList<>(timers);
        }
        running = Thread.currentThread();
        try {
            for (Timer t : due) {
                if (!t.cancelled && !t.fired) {
                    t.fired = true;
                    t.task.run();
                }
            }
        } finally {
            running = null;
        }
        runPending();
    }
}
