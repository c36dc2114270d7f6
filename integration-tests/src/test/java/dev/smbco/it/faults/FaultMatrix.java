package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.SmbException;
import dev.smbco.coro.Request;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The fault matrix of issue #12 as a table: each test is one cell (a fault, with reconnection off
 * or on) and records what the user saw; a failed test shows as a red cell. After each class the
 * table of every cell so far goes to standard output and to {@code target/fault-matrix.md}, which
 * the README's reliability section reproduces.
 *
 * <p>The checks every cell shares live here: a request never hangs ({@link #outcome} waits a
 * bounded time and fails the cell as "hung"), a failure is typed (an {@link SmbException}) and
 * comes within {@link #NOTICE} of the fault, and a client leaves no event-loop thread behind
 * ({@link #assertNoNewLoopThreads}). Buffers are checked by {@code NoLeaks}, which runs for every
 * integration test class.
 */
final class FaultMatrix implements BeforeEachCallback, TestWatcher, AfterAllCallback {
    /** How soon after a fault the user must hear of it, when the fault is final. */
    static final Duration NOTICE = Duration.ofSeconds(1);
    /** Longest any single operation of a cell may take before it counts as hung. */
    static final Duration HUNG = Duration.ofSeconds(60);

    private record Row(String fault, String reconnect, String expected, String observed, boolean green) {
    }

    /** Every cell of the run (all fault test classes), so the file written last holds the whole table. */
    private static final Map<String, Row> rows = new TreeMap<>();
    private final ThreadLocal<String[]> current = new ThreadLocal<>();

    /** What one operation of a cell ended with, and when. */
    record Outcome<T>(T value, Throwable failure, long endNanos) {
        boolean failed() {
            return failure != null;
        }

        /** Milliseconds from {@code faultNanos} to the end of the operation. */
        long millisAfter(long faultNanos) {
            return TimeUnit.NANOSECONDS.toMillis(endNanos - faultNanos);
        }
    }

    /** Names the running test's cell: the fault, the reconnection mode, and what a user should see. */
    void cell(String fault, boolean reconnect, String expected) {
        current.set(new String[] {fault, reconnect ? "on" : "off", expected, null});
    }

    /** Records what the user saw in the running cell (the row turns green if the test passes). */
    void observed(String what) {
        String[] c = current.get();
        assertThat(c).as("cell(...) first").isNotNull();
        c[3] = what;
    }

    /** Waits for {@code request} at most {@link #HUNG}; a request still pending then fails the cell as hung. */
    static <T> Outcome<T> outcome(Request<T> request) {
        try {
            T v = request.toCompletableFuture().get(HUNG.toMillis(), TimeUnit.MILLISECONDS);
            return new Outcome<>(v, null, System.nanoTime());
        } catch (ExecutionException e) {
            return new Outcome<>(null, e.getCause(), System.nanoTime());
        } catch (TimeoutException e) {
            request.cancel();
            throw new AssertionError("hung: " + request + " still pending after " + HUNG.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Asserts a typed failure ({@code type}: an {@link SmbException}, or the coroutine layer's timeout) that came within
     * {@code allowance} of the fault at {@code faultNanos}; returns the observation for the table.
     */
    static String typedFailure(Outcome<?> o, Class<? extends Exception> type, long faultNanos, Duration allowance) {
        assertThat(o.failure()).as("a failure").isNotNull();
        assertThat(o.failure()).as("a typed failure").isInstanceOf(type);
        long ms = o.millisAfter(faultNanos);
        assertThat(ms).as("ms from the fault to the failure (%s)", o.failure()).isLessThanOrEqualTo(allowance.toMillis());
        return o.failure().getClass().getSimpleName() + " after " + ms + " ms";
    }

    /** Names of the client event-loop threads alive now. */
    static Set<String> loopThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("smbco-io"))
                .map(t -> t.getName() + "#" + t.threadId())
                .collect(Collectors.toSet());
    }

    /** Waits (up to 5 s) until no loop thread is alive that was not in {@code before}. */
    static void assertNoNewLoopThreads(Set<String> before) throws InterruptedException {
        Set<String> extra = Set.of();
        for (int i = 0; i < 100; i++) {
            extra = loopThreads().stream().filter(n -> !before.contains(n)).collect(Collectors.toSet());
            if (extra.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(extra).as("event-loop threads left after the client closed").isEmpty();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        current.remove();
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        record(context, true, null);
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        record(context, false, cause);
    }

    private void record(ExtensionContext context, boolean passed, Throwable cause) {
        String[] c = current.get();
        current.remove();
        if (c == null) {
            return;
        }
        String seen = passed ? c[3] : "FAILED: " + firstLine(cause);
        synchronized (rows) {
            rows.put(c[0] + " / " + c[1], new Row(c[0], c[1], c[2], seen == null ? "(nothing recorded)" : seen, passed && seen != null));
        }
    }

    private static String firstLine(Throwable t) {
        String m = String.valueOf(t.getMessage());
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("| fault | reconnect | the user must see | seen | |");
        lines.add("|---|---|---|---|---|");
        synchronized (rows) {
            for (Row r : rows.values()) {
                lines.add("| " + r.fault() + " | " + r.reconnect() + " | " + r.expected() + " | " + r.observed().replace('|', '/') + " | "
                        + (r.green() ? "ok" : "**RED**") + " |");
            }
        }
        String table = String.join("\n", lines);
        System.out.println("\nFault matrix (issue #12):\n" + table + "\n");
        Path target = Optional.ofNullable(System.getProperty("project.build.directory")).map(Path::of).orElse(Path.of("target"));
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("fault-matrix.md"), table + "\n");
        }
    }
}
