package dev.smbco.coro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Request behaviour across threads, on a real {@link SingleThreadLoop}. */
class RequestThreadsTest {

    private final SingleThreadLoop loop = new SingleThreadLoop("test-loop");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void awaitOnTheLoopThreadThrowsAtOnceEvenForADoneRequest() throws Exception {
        Completer<String> pending = Completer.create(loop);
        Request<String> done = Requests.completed(loop, "v");
        AtomicReference<Throwable> onPending = new AtomicReference<>();
        AtomicReference<Throwable> onDone = new AtomicReference<>();
        CountDownLatch latch = new CountDownLatch(1);
        loop.execute(() -> {
            try {
                pending.request().await();
            } catch (Throwable t) {
                onPending.set(t);
            }
            try {
                done.await();
            } catch (Throwable t) {
                onDone.set(t);
            }
            latch.countDown();
        });
        assertThat(latch.await(5, TimeUnit.SECONDS)).as("await on the loop must not block").isTrue();
        assertThat(onPending.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("loop thread");
        assertThat(onDone.get()).isInstanceOf(IllegalStateException.class);
        assertThat(pending.request().state()).isEqualTo(RequestState.IN_PROGRESS);
    }

    @Test
    void awaitOnAnyMarkedLoopThreadThrowsNotOnlyOnTheRequestsOwnLoop() throws Exception {
        Completer<String> c = Completer.create(loop);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread otherLoopThread = new Thread(() -> {
            LoopThreads.mark();
            try {
                c.request().await();
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        otherLoopThread.start();
        otherLoopThread.join(5_000);
        assertThat(otherLoopThread.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(IllegalStateException.class);
        assertThat(LoopThreads.isLoopThread()).as("the mark is per thread").isFalse();
    }

    @Test
    void theLoopThreadMarksItself() throws Exception {
        CompletableFuture<Boolean> marked = new CompletableFuture<>();
        loop.execute(() -> marked.complete(LoopThreads.isLoopThread() && loop.inLoop()));
        assertThat(marked.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(loop.inLoop()).isFalse();
    }

    @Test
    void awaitFromAVirtualThreadWaitsForAForeignCompletionAndCallbacksStillRunOnTheLoop() throws Exception {
        Completer<String> c = Completer.create(loop);
        AtomicReference<Thread> callbackThread = new AtomicReference<>();
        AtomicReference<Boolean> callbackInLoop = new AtomicReference<>();
        CountDownLatch delivered = new CountDownLatch(1);
        c.request().onDone(r -> {
            callbackThread.set(Thread.currentThread());
            callbackInLoop.set(loop.inLoop());
            delivered.countDown();
        });
        CompletableFuture<String> awaited = new CompletableFuture<>();
        Thread waiter = Thread.ofVirtual().start(() -> awaited.complete(c.request().await()));

        Thread foreign = new Thread(() -> assertThat(c.complete("from afar")).isTrue(), "foreign");
        foreign.start();
        foreign.join();

        assertThat(awaited.get(5, TimeUnit.SECONDS)).isEqualTo("from afar");
        waiter.join();
        assertThat(delivered.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(callbackInLoop.get()).isTrue();
        assertThat(callbackThread.get()).isNotSameAs(foreign).extracting(Thread::getName).isEqualTo("test-loop");
    }

    @Test
    void awaitRethrowsTheFailureAndTimesOutOnARealLoop() {
        Completer<String> c = Completer.create(loop);
        c.request().withTimeout(Duration.ofMillis(20));
        assertThatThrownBy(c.request()::await)
                .isExactlyInstanceOf(RequestTimeoutException.class)
                .hasMessageContaining("PT0.02S");
        assertThat(c.request().state()).isEqualTo(RequestState.TIMED_OUT);

        IllegalArgumentException boom = new IllegalArgumentException("boom");
        assertThatThrownBy(Requests.failed(loop, boom)::await).isSameAs(boom);
    }

    @Test
    void awaitKeepsTheInterruptStatus() {
        Completer<String> c = Completer.create(loop);
        loop.schedule(() -> c.complete("late"), 50, TimeUnit.MILLISECONDS);
        Thread.currentThread().interrupt();
        try {
            assertThat(c.request().await()).isEqualTo("late");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void toCompletableFutureCompletesOnTheLoopWithTheValueOrTheFailure() throws Exception {
        Completer<Integer> c = Completer.create(loop);
        CompletableFuture<Integer> f = c.request().toCompletableFuture();
        CompletableFuture<Boolean> onLoop = f.thenApply(v -> loop.inLoop());
        assertThat(f).isNotDone();
        c.complete(42);
        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(42);
        assertThat(onLoop.get(5, TimeUnit.SECONDS)).as("dependent stages ran on the loop").isTrue();

        IOException checked = new IOException("x");
        CompletableFuture<Object> failed = Requests.failed(loop, checked).toCompletableFuture();
        assertThatThrownBy(() -> failed.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCause(checked);
    }

    @Test
    void cancellingTheFutureCancelsTheRequest() {
        Completer<Integer> c = Completer.create(loop);
        c.onCancel(c::cancelled);
        CompletableFuture<Integer> f = c.request().toCompletableFuture();
        assertThat(f.cancel(false)).isTrue();
        assertThat(c.request().state()).isEqualTo(RequestState.CANCELLED);
    }

    @Test
    void anAbsurdlyLongTimeoutNeverFiresAndANegativeOneFiresAtOnce() throws Exception {
        Completer<String> c = Completer.create(loop);
        c.request().withTimeout(Duration.ofSeconds(Long.MAX_VALUE));
        Requests.sleep(loop, Duration.ofMillis(30)).await();
        assertThat(c.request().state()).isEqualTo(RequestState.IN_PROGRESS);
        c.complete("done");

        Completer<String> negative = Completer.create(loop);
        negative.request().withTimeout(Duration.ofMillis(-5));
        assertThatThrownBy(negative.request()::await).isInstanceOf(RequestTimeoutException.class);
    }

    @Test
    void aBrokenTimeoutExceptionSupplierStillTimesTheRequestOut() {
        Completer<String> c = Completer.<String>create(loop).timeoutException(() -> {
            throw new IllegalStateException("broken supplier, expected by the test");
        });
        c.request().withTimeout(Duration.ofMillis(1));
        assertThatThrownBy(c.request()::await).isExactlyInstanceOf(RequestTimeoutException.class);
        assertThat(c.request().state()).isEqualTo(RequestState.TIMED_OUT);
    }

    @Test
    void manyVirtualThreadsBlockedInAwaitLeaveTheCarriersFreeForTheOneThatCompletesThem() throws Exception {
        int waiters = 20 * Runtime.getRuntime().availableProcessors() + 50; // far more than carriers
        List<Completer<Integer>> completers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        AtomicInteger sum = new AtomicInteger();
        for (int i = 0; i < waiters; i++) {
            Completer<Integer> c = Completer.create(loop);
            completers.add(c);
            threads.add(Thread.ofVirtual().start(() -> sum.addAndGet(c.request().await())));
        }
        for (Thread t : threads) {
            while (t.getState() != Thread.State.WAITING) {
                Thread.sleep(1);
            }
        }
        // a virtual thread must still get a carrier to complete them all
        Thread completer = Thread.ofVirtual().start(() -> completers.forEach(c -> c.complete(1)));
        completer.join(10_000);
        for (Thread t : threads) {
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }
        assertThat(sum).hasValue(waiters);
    }

    @Test
    void aRequestEndingAfterItsLoopWasShutDownStillRunsItsCleanupAndCallbacks() throws Exception {
        Completer<String> c = Completer.create(loop);
        List<String> order = new ArrayList<>();
        c.onCleanup(state -> order.add("cleanup " + state));
        c.request().onDone(r -> order.add("callback " + r.recv()));
        loop.close();

        assertThat(c.complete("v")).isTrue();

        assertThat(order).containsExactly("cleanup DONE", "callback v");
        assertThat(c.request().state()).isEqualTo(RequestState.DONE);
    }

    @Test
    void aCoroutineUnwindingAfterItsLoopWasShutDownStillEndsForItsWaiters() throws Exception {
        Completer<String> inner = Completer.create(loop);
        CountDownLatch caught = new CountDownLatch(1);
        CountDownLatch gate = new CountDownLatch(1);
        Request<String> coro = Coroutine.start(loop, co -> {
            try {
                return co.await(inner.request());
            } catch (RequestFailedException e) {
                caught.countDown();
                gate.await(); // still unwinding when the loop goes away
                throw e;
            }
        });
        CountDownLatch ended = new CountDownLatch(1);
        coro.onDone(r -> ended.countDown());
        inner.fail(new IOException("connection lost"));
        assertThat(caught.await(5, TimeUnit.SECONDS)).isTrue();
        loop.close();

        gate.countDown();

        assertThat(ended.await(5, TimeUnit.SECONDS)).as("the coroutine's callbacks ran").isTrue();
        assertThat(coro.state()).isEqualTo(RequestState.FAILED);
    }
}
