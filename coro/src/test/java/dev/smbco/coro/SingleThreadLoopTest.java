package dev.smbco.coro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleThreadLoopTest {

    @Test
    void runsTasksInSubmissionOrderOnOneThread() throws Exception {
        try (SingleThreadLoop loop = new SingleThreadLoop("order")) {
            List<Integer> seen = new CopyOnWriteArrayList<>();
            List<String> threads = new CopyOnWriteArrayList<>();
            CountDownLatch done = new CountDownLatch(1000);
            for (int i = 0; i < 1000; i++) {
                int n = i;
                loop.execute(() -> {
                    seen.add(n);
                    threads.add(Thread.currentThread().getName());
                    done.countDown();
                });
            }
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(seen).isSorted().hasSize(1000);
            assertThat(threads).containsOnly("order");
        }
    }

    @Test
    void aTaskThatThrowsDoesNotStopTheLoop() throws Exception {
        try (SingleThreadLoop loop = new SingleThreadLoop()) {
            CountDownLatch after = new CountDownLatch(1);
            loop.execute(() -> {
                throw new IllegalStateException("expected by the test");
            });
            loop.execute(after::countDown);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aCancelledTimerNeverFires() throws Exception {
        try (SingleThreadLoop loop = new SingleThreadLoop()) {
            AtomicBoolean fired = new AtomicBoolean();
            Cancellable t = loop.schedule(() -> fired.set(true), 50, TimeUnit.MILLISECONDS);
            assertThat(t.cancel()).isTrue();
            assertThat(t.cancel()).isFalse();
            CountDownLatch later = new CountDownLatch(1);
            loop.schedule(later::countDown, 100, TimeUnit.MILLISECONDS);
            assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(fired).isFalse();

            CountDownLatch fires = new CountDownLatch(1);
            Cancellable f = loop.schedule(fires::countDown, 1, TimeUnit.MILLISECONDS);
            assertThat(fires.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(f.cancel()).as("too late").isFalse();
        }
    }

    @Test
    void closeRunsWhatWasSubmittedDropsTimersAndRejectsNewTasks() {
        SingleThreadLoop loop = new SingleThreadLoop();
        AtomicBoolean ran = new AtomicBoolean();
        AtomicBoolean timerFired = new AtomicBoolean();
        loop.schedule(() -> timerFired.set(true), 1, TimeUnit.HOURS);
        loop.execute(() -> ran.set(true));
        loop.close();
        assertThat(loop.isClosed()).isTrue();
        assertThat(ran).isTrue();
        assertThat(timerFired).isFalse();
        assertThatThrownBy(() -> loop.execute(() -> {})).isInstanceOf(RejectedExecutionException.class);
        loop.close(); // idempotent
    }

    @Test
    void timersFireInDeadlineOrderNotInSchedulingOrder() throws Exception {
        try (SingleThreadLoop loop = new SingleThreadLoop()) {
            List<String> fired = new CopyOnWriteArrayList<>();
            CountDownLatch all = new CountDownLatch(6);
            CountDownLatch hold = new CountDownLatch(1);
            loop.execute(() -> {
                try {
                    hold.await(); // keep the loop busy so that all of them are due together
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            // deadlines 100 ms apart, so the order holds however slowly this thread schedules them
            for (String name : List.of("300", "100", "200")) {
                loop.schedule(() -> { fired.add(name); all.countDown(); }, Long.parseLong(name), TimeUnit.MILLISECONDS);
            }
            for (String name : List.of("0a", "0b", "0c")) {
                loop.schedule(() -> { fired.add(name); all.countDown(); }, 0, TimeUnit.MILLISECONDS);
            }
            Thread.sleep(400);
            hold.countDown();
            assertThat(all.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(fired).containsExactly("0a", "0b", "0c", "100", "200", "300");
        }
    }

    @Test
    void manyCancelledTimersNeverFireAndTheLoopKeepsWorking() throws Exception {
        try (SingleThreadLoop loop = new SingleThreadLoop()) {
            AtomicInteger fired = new AtomicInteger();
            int tooLate = 0;
            for (int i = 0; i < 10_000; i++) {
                Cancellable t = loop.schedule(fired::incrementAndGet, 20 + i % 50, TimeUnit.MILLISECONDS);
                // on a loaded machine this thread may stall past a 20 ms deadline: then cancel()
                // must say it was too late, and only such timers may fire
                if (!t.cancel()) {
                    tooLate++;
                }
            }
            CountDownLatch after = new CountDownLatch(1);
            loop.schedule(after::countDown, 100, TimeUnit.MILLISECONDS);
            assertThat(after.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(fired).as("timers that fired: exactly those cancel() could not stop").hasValue(tooLate);
        }
    }

    @Test
    void tasksFromManyThreadsRunExactlyOnceAndInOrderPerThread() throws Exception {
        try (SingleThreadLoop loop = new SingleThreadLoop()) {
            int threads = 8;
            int perThread = 20_000;
            int[] lastSeen = new int[threads]; // loop-confined
            AtomicInteger outOfOrder = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(threads * perThread);
            Arrays.fill(lastSeen, -1);
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < threads; p++) {
                int producer = p;
                producers.add(Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < perThread; i++) {
                        int n = i;
                        loop.execute(() -> {
                            if (lastSeen[producer] != n - 1) {
                                outOfOrder.incrementAndGet();
                            }
                            lastSeen[producer] = n;
                            done.countDown();
                        });
                    }
                }));
            }
            for (Thread t : producers) {
                t.join();
            }
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(outOfOrder).hasValue(0);
        }
    }

    @Test
    void closeFromTheLoopItselfStopsItAfterTheCurrentTask() throws Exception {
        SingleThreadLoop loop = new SingleThreadLoop();
        CountDownLatch closed = new CountDownLatch(1);
        loop.execute(() -> {
            loop.close();
            closed.countDown();
        });
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        loop.close(); // waits for the thread to end
        assertThatThrownBy(() -> loop.schedule(() -> {}, 1, TimeUnit.MILLISECONDS))
                .isInstanceOf(RejectedExecutionException.class);
    }
}
