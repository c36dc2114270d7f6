package dev.smbco.coro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100,000 coroutines on one {@link SingleThreadLoop}, each awaiting ten timer-completed sleeps.
 * Asserts that every one of them finishes with the right result; prints (never asserts) the
 * time taken and the heap held per suspended coroutine, on one line prefixed {@code [coro-bench]}.
 */
class CoroutineScaleTest {

    private static final int COROUTINES = 100_000;
    private static final int AWAITS_EACH = 10;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aHundredThousandCoroutinesEachAwaitingTenTimers() throws Exception {
        AtomicReferenceArray<Thread> bodies = new AtomicReferenceArray<>(COROUTINES);
        List<Request<Long>> requests = new ArrayList<>(COROUTINES);
        AtomicInteger suspendedAtGate = new AtomicInteger();
        AtomicInteger awaitsDone = new AtomicInteger();

        try (SingleThreadLoop loop = new SingleThreadLoop("scale-loop")) {
            Completer<Void> gate = Completer.create(loop);
            long heapBefore = usedHeapAfterGc();
            long t0 = System.nanoTime();

            for (int i = 0; i < COROUTINES; i++) {
                int id = i;
                requests.add(Coroutine.start(loop, co -> {
                    bodies.set(id, Thread.currentThread());
                    suspendedAtGate.incrementAndGet();
                    co.await(gate.request()); // everyone suspends here until the heap is measured
                    long sum = 0;
                    for (int k = 0; k < AWAITS_EACH; k++) {
                        Request<Void> nap = Requests.sleep(co.loop(),
                                Duration.ofNanos(ThreadLocalRandom.current().nextLong(5_000_000L)));
                        co.await(nap);
                        if (nap.state() == RequestState.DONE) {
                            sum += id + k;
                            awaitsDone.incrementAndGet();
                        }
                    }
                    return sum;
                }));
            }
            waitUntilAllParked(bodies, suspendedAtGate);
            long startedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            long heapSuspended = usedHeapAfterGc();

            long t1 = System.nanoTime();
            gate.complete(null);
            List<Long> results = Requests.all(loop, requests).withTimeout(Duration.ofSeconds(100)).await();
            long runMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t1);

            assertThat(results).hasSize(COROUTINES);
            assertThat(awaitsDone).hasValue(COROUTINES * AWAITS_EACH);
            for (int i = 0; i < COROUTINES; i++) {
                long expected = (long) i * AWAITS_EACH + (AWAITS_EACH * (AWAITS_EACH - 1)) / 2;
                assertThat(results.get(i)).as("coroutine %d", i).isEqualTo(expected);
                assertThat(requests.get(i).state()).isEqualTo(RequestState.DONE);
            }

            long perCoroutine = (heapSuspended - heapBefore) / COROUTINES;
            long awaitsPerSecond = runMs == 0 ? -1 : (long) COROUTINES * AWAITS_EACH * 1000 / runMs;
            System.out.printf("[coro-bench] coroutines=%d awaitsEach=%d sleep=0-5ms loop=SingleThreadLoop cores=%d"
                            + " startAndSuspendMs=%d heapPerSuspendedCoroutineBytes=%d runMs=%d awaitsPerSec=%d%n",
                    COROUTINES, AWAITS_EACH, Runtime.getRuntime().availableProcessors(),
                    startedMs, perCoroutine, runMs, awaitsPerSecond);
        }
    }

    /** Until every body has reached the gate and its virtual thread is parked in co.await. */
    private static void waitUntilAllParked(AtomicReferenceArray<Thread> bodies, AtomicInteger arrived)
            throws InterruptedException {
        while (arrived.get() < bodies.length()) {
            Thread.sleep(10);
        }
        for (int i = 0; i < bodies.length(); i++) {
            Thread t = bodies.get(i);
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
    }

    /** Used heap as the Runtime sees it (no java.management: the test runs inside the coro module). */
    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
