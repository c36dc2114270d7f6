package dev.smbco.coro;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain {@link Loop} on one platform thread: a FIFO task queue and a timer heap (a
 * {@link ScheduledThreadPoolExecutor} with exactly one thread, so immediate tasks keep their
 * submission order and never run concurrently).
 *
 * <p>The thread is a daemon, named after the loop, and marks itself with
 * {@link LoopThreads#mark()}. A task that throws is logged (System.Logger, WARNING) and the
 * loop carries on. Cancelled timers are removed from the heap at once, so dropped request
 * timeouts do not pile up.
 *
 * <p>{@link #close()} stops the loop: timers that have not fired are dropped, tasks already
 * submitted still run, later submissions are rejected with
 * {@link java.util.concurrent.RejectedExecutionException}; called from outside the loop it
 * waits until the thread has finished.
 */
public final class SingleThreadLoop implements Loop, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SingleThreadLoop.class.getName());
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final String name;
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    /** A loop with a generated name ({@code smbco-loop-N}). */
    public SingleThreadLoop() {
        this("smbco-loop-" + SEQ.incrementAndGet());
    }

    /** A loop whose thread is called {@code name}. */
    public SingleThreadLoop(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.executor = new ScheduledThreadPoolExecutor(1, this::newThread);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.prestartCoreThread();
    }

    private Thread newThread(Runnable worker) {
        Thread t = new Thread(() -> {
            LoopThreads.mark();
            worker.run();
        }, name);
        t.setDaemon(true);
        thread = t;
        return t;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        executor.execute(() -> runGuarded(task));
    }

    @Override
    public Cancellable schedule(Runnable task, long delay, TimeUnit unit) {
        Objects.requireNonNull(task, "task");
        ScheduledFuture<?> f = executor.schedule(() -> runGuarded(task), delay, unit);
        return () -> f.cancel(false);
    }

    @Override
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /** Whether {@link #close()} has been called. */
    public boolean isClosed() {
        return executor.isShutdown();
    }

    /**
     * Stops the loop (see the class comment). Idempotent. When called from outside the loop,
     * waits for the tasks already submitted to finish; the interrupt status is kept.
     */
    @Override
    public void close() {
        executor.shutdown();
        if (inLoop()) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.DAYS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
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
        return "SingleThreadLoop[" + name + (isClosed() ? ", closed]" : "]");
    }
}
