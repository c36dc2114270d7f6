package dev.smbco.client.engine;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Bulk crypto off the event loop, its result back on it: {@code work} runs on the executor
 * (a virtual thread each in production), then {@code then} runs on the loop with the result or
 * the exception. If the loop no longer takes tasks (the client is shutting down), the result (null
 * if the work failed) is handed to {@code orphan} instead, on the worker, so that nothing the
 * work or its inputs hold is leaked.
 */
final class OffLoop {
    private OffLoop() {
    }

    /** The production executor: a new virtual thread per task, named for thread dumps. */
    static Executor virtualThreads(String name) {
        return task -> Thread.ofVirtual().name(name).start(task);
    }

    static <T> void run(Executor executor, Executor loop, Supplier<T> work, BiConsumer<T, RuntimeException> then, Consumer<T> orphan) {
        executor.execute(() -> {
            T result = null;
            RuntimeException failure = null;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                failure = e;
            }
            T r = result;
            RuntimeException f = failure;
            try {
                loop.execute(() -> then.accept(r, f));
            } catch (RejectedExecutionException e) {
                orphan.accept(r);
            }
        });
    }
}
