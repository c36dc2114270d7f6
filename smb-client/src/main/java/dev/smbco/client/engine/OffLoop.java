package dev.smbco.client.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Bulk crypto off the event loop, its result back on it: {@code work} runs on the executor
 * (a virtual thread each in production), then {@code then} runs on the loop with the result or
 * what the work threw — any {@link Throwable}, an {@code Error} such as Netty's
 * {@code OutOfDirectMemoryError} included, so that the request waiting for the work always hears
 * of it. If the executor refuses the work (no thread can be had), the work runs on the calling
 * thread instead and {@code then} still follows on the loop. If the loop no longer takes tasks (the
 * client is shutting down), the result (null if the work failed) is handed to {@code orphan}
 * instead, on the worker, so that nothing the work or its inputs hold is leaked.
 */
final class OffLoop {
    private OffLoop() {
    }

    /** The production executor: a new virtual thread per task, named for thread dumps. */
    static Executor virtualThreads(String name) {
        return task -> Thread.ofVirtual().name(name).start(task);
    }

    static <T> void run(Executor executor, Executor loop, Supplier<T> work, BiConsumer<T, Throwable> then, Consumer<T> orphan) {
        Runnable task = () -> {
            T result = null;
            Throwable failure = null;
            try {
                result = work.get();
            } catch (Throwable e) {
                failure = e;
            }
            T r = result;
            Throwable f = failure;
            try {
                loop.execute(() -> then.accept(r, f));
            } catch (RejectedExecutionException e) {
                orphan.accept(r);
            }
        };
        try {
            executor.execute(task);
        } catch (Throwable e) {
            task.run(); // no thread to be had: do the work here rather than strand it (its inputs are released by it)
        }
    }
}
