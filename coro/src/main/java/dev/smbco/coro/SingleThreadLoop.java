package dev.smbco.coro;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A plain {@link Loop} on one platform thread: a lock-free FIFO queue of tasks and a timer
 * heap that only the loop thread touches.
 *
 * <p>Immediate tasks never go through the heap, so a loop holding a hundred thousand pending
 * timers still queues a task in constant time (a {@code ScheduledThreadPoolExecutor} puts both
 * in one heap and spends its time sifting it). Cancelled timers are left in the heap and
 * skipped; the heap is purged once they are more than half of it, so dropped request
 * timeouts do not pile up.
 *
 * <p>The thread is a daemon, named after the loop, and marks itself with
 * {@link LoopThreads#mark()}. A task that throws is logged (System.Logger, WARNING) and the
 * loop carries on.
 *
 * <p>{@link #close()} stops the loop: tasks already submitted still run, timers that have not
 * fired are dropped, later submissions are rejected with {@link RejectedExecutionException};
 * called from outside the loop it waits until the thread has finished.
 */
public final class SingleThreadLoop implements Loop, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SingleThreadLoop.class.getName());
    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Tasks run between two looks at the timer heap, so a busy queue cannot starve timers. */
    private static final int TASK_BATCH = 256;
    private static final int PURGE_THRESHOLD = 1024;

    private final String name;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<LoopTimer> newTimers = new ConcurrentLinkedQueue<>();
    /** Loop-confined. */
    private final PriorityQueue<LoopTimer> timers = new PriorityQueue<>();
    private final AtomicInteger cancelledTimers = new AtomicInteger();
    /** Set by the loop just before it parks; whoever clears it unparks the loop. */
    private final AtomicBoolean sleeping = new AtomicBoolean();
    private volatile boolean closing;
    private long timerSeq; // loop-confined

    /** A loop with a generated name ({@code smbco-loop-N}). */
    public SingleThreadLoop() {
        this("smbco-loop-" + SEQ.incrementAndGet());
    }

    /**
     * A loop whose thread is called {@code name}; its thread starts at once.
     *
     * @param name the thread's name, not null
     */
    public SingleThreadLoop(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.thread = new Thread(this::run, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        tasks.add(task);
        if (closing && tasks.remove(task)) {
            // the loop may already have made its last check: take the task back and refuse it
            throw new RejectedExecutionException("loop " + name + " is closed");
        }
        wakeUp();
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Objects.requireNonNull(task, "task");
        if (closing) {
            throw new RejectedExecutionException("loop " + name + " is closed");
        }
        LoopTimer t = new LoopTimer(task, System.nanoTime() + Durations.delayNanos(delay, unit), cancelledTimers);
        newTimers.add(t);
        wakeUp();
        return t;
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Whether {@link #close()} has been called.
     *
     * @return true from the start of the first {@code close()} on
     */
    public boolean isClosed() {
        return closing;
    }

    /**
     * Stops the loop (see the class comment). Idempotent. When called from outside the loop,
     * waits for the tasks already submitted to finish; the interrupt status is kept.
     */
    @Override
    public void close() {
        closing = true;
        sleeping.set(false);
        LockSupport.unpark(thread);
        if (inLoop()) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void wakeUp() {
        if (sleeping.get() && sleeping.compareAndSet(true, false)) {
            LockSupport.unpark(thread);
        }
    }

    // ------------------------------------------------------------------ the loop thread

    private void run() {
        LoopThreads.mark();
        while (true) {
            long nextDeadline = runDueTimers();
            int ran = 0;
            Runnable task;
            while (ran < TASK_BATCH && (task = tasks.poll()) != null) {
                runGuarded(task);
                ran++;
            }
            if (ran > 0) {
                continue; // look at the timers again before sleeping
            }
            if (closing && tasks.isEmpty()) {
                break;
            }
            sleeping.set(true);
            // a submitter adds first, then reads 'sleeping'; we set it, then look: no lost wake-up
            if (tasks.isEmpty() && newTimers.isEmpty() && !closing) {
                if (nextDeadline == Long.MAX_VALUE) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, nextDeadline - System.nanoTime());
                }
            }
            sleeping.set(false);
            Thread.interrupted(); // nobody should interrupt the loop; do not let it spin
        }
        timers.clear();
        newTimers.clear();
    }

    /** Runs the timers that are due; returns the next deadline ({@code Long.MAX_VALUE} if none). */
    private long runDueTimers() {
        LoopTimer t;
        while ((t = newTimers.poll()) != null) {
            t.seq = timerSeq++;
            timers.add(t);
        }
        purgeIfMostlyCancelled();
        long now = System.nanoTime();
        while ((t = timers.peek()) != null) {
            if (t.isCancelled()) {
                timers.poll();
                cancelledTimers.decrementAndGet();
                continue;
            }
            if (t.deadline - now > 0) {
                return t.deadline;
            }
            timers.poll();
            if (t.fire()) {
                runGuarded(t.task);
            }
            now = System.nanoTime();
        }
        return Long.MAX_VALUE;
    }

    private void purgeIfMostlyCancelled() {
        int cancelled = cancelledTimers.get();
        if (cancelled > PURGE_THRESHOLD && cancelled > timers.size() / 2) {
            int before = timers.size();
            timers.removeIf(LoopTimer::isCancelled);
            cancelledTimers.addAndGet(timers.size() - before);
        }
    }

    private void runGuarded(Runnable task) {
        try {
            task.run();
        } catch (Throwable t) {
            LOG.log(Level.WARNING, "task on loop " + name + " threw", t);
        }
    }

    @Override
    public String toString() {
        return "SingleThreadLoop[" + name + (closing ? ", closed]" : "]");
    }
}
