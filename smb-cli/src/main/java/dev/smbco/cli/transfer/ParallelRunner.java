package dev.smbco.cli.transfer;

import dev.smbco.cli.CliException;
import dev.smbco.cli.ExitStatus;
import dev.smbco.cli.Failures;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs file tasks with at most N at once, as N worker coroutines on one loop that take tasks from a
 * shared queue. All of them share the run's one connection: its credit window and pipelining do the
 * overlapping, the coroutines only keep N transfers in flight.
 *
 * <p>A task failing with exit status 1 (this file could not be copied) is reported through
 * {@code onFileFailure} and the others go on, like {@code cp -r}; any other failure (connection
 * lost, authentication) stops every worker from taking new tasks and is thrown once all have ended.
 */
public final class ParallelRunner {

    /** One unit of work: copying one file. */
    @FunctionalInterface
    public interface Task {
        void run() throws Exception;
    }

    private ParallelRunner() {
    }

    /**
     * Runs all tasks; returns how many failed with exit status 1 (each already reported).
     *
     * @throws CliException the first failure that was not a per-file one
     */
    public static int run(Loop loop, int parallel, List<Task> tasks, Consumer<CliException> onFileFailure) {
        Queue<Task> queue = new ConcurrentLinkedQueue<>(tasks);
        AtomicReference<CliException> fatal = new AtomicReference<>();
        AtomicInteger failed = new AtomicInteger();
        int workers = Math.max(1, Math.min(parallel, tasks.size()));
        List<Request<Void>> running = new ArrayList<>(workers);
        for (int i = 0; i < workers; i++) {
            running.add(Coroutine.start(loop, co -> {
                Task task;
                while (fatal.get() == null && (task = queue.poll()) != null) {
                    try {
                        task.run();
                    } catch (Exception | Error e) {
                        CliException cli = Failures.toCli(e);
                        if (cli.status() == ExitStatus.FAILED) {
                            failed.incrementAndGet();
                            onFileFailure.accept(cli);
                        } else {
                            fatal.compareAndSet(null, cli);
                        }
                    }
                }
                return null;
            }));
        }
        Requests.all(loop, running).await();
        if (fatal.get() != null) {
            throw fatal.get();
        }
        return failed.get();
    }
}
