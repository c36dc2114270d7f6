package dev.smbco.coro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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
}
