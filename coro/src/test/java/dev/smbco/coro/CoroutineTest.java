package dev.smbco.coro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoroutineTest {

    private final SingleThreadLoop loop = new SingleThreadLoop("coro-test-loop");

    @AfterEach
    void close() {
        loop.close();
    }

    /** A sub-request that accepts a cancel but never ends: the worst case for unwinding. */
    private static final class Stubborn {
        final Completer<String> completer;
        final AtomicInteger cancelCalls = new AtomicInteger();

        Stubborn(Loop loop) {
            completer = Completer.create(loop);
            completer.onCancel(() -> {
                cancelCalls.incrementAndGet();
                return true; // "possible", but the answer will never come
            });
        }
    }

    @Test
    void startNeverRunsTheBodyBeforeReturning() throws Exception {
        // deterministic: with a manual loop nothing can run until the test drains it
        ManualLoop manual = new ManualLoop();
        AtomicBoolean ran = new AtomicBoolean();
        CountDownLatch bodyRan = new CountDownLatch(1);
        Request<String> r = Coroutine.start(manual, co -> {
            ran.set(true);
            bodyRan.countDown();
            return "ok";
        });
        assertThat(ran).isFalse();
        assertThat(r.state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(manual.pending()).isEqualTo(1);
        manual.runPending();
        assertThat(bodyRan.await(5, TimeUnit.SECONDS)).isTrue();

        // and on a real loop, started from a loop task: the body cannot start before that task ends
        AtomicBoolean ranBeforeReturn = new AtomicBoolean(true);
        AtomicReference<Request<String>> req = new AtomicReference<>();
        AtomicBoolean flag = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        loop.execute(() -> {
            req.set(Coroutine.start(loop, co -> {
                flag.set(true);
                return "x";
            }));
            ranBeforeReturn.set(flag.get());
            started.countDown();
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ranBeforeReturn).isFalse();
        assertThat(req.get().await()).isEqualTo("x");
    }

    @Test
    void theBodyRunsOnItsOwnVirtualThreadAndItsReturnValueCompletesTheRequest() {
        Request<String> r = Coroutine.start(loop, co -> {
            Thread t = Thread.currentThread();
            int a = co.await(Requests.completed(co.loop(), 20));
            int b = co.await(Coroutine.start(co.loop(), inner -> 22)); // awaiting another coroutine
            co.await(Requests.sleep(co.loop(), Duration.ofMillis(2)));
            return t.isVirtual() + ":" + t.getName().startsWith("coro-") + ":" + (a + b);
        });
        assertThat(r.await()).isEqualTo("true:true:42");
        assertThat(r.state()).isEqualTo(RequestState.DONE);
    }

    @Test
    void anExceptionFromTheBodyFailsTheRequestWithThatVeryException() {
        IllegalStateException boom = new IllegalStateException("boom");
        Request<String> r = Coroutine.start(loop, co -> {
            co.await(Requests.completed(co.loop(), 1));
            throw boom;
        });
        assertThatThrownBy(r::await).isSameAs(boom);
        assertThat(r.state()).isEqualTo(RequestState.FAILED);
        assertThat(r.failure()).isSameAs(boom);

        IOException checked = new IOException("io");
        Request<String> c = Coroutine.start(loop, co -> {
            throw checked;
        });
        assertThatThrownBy(c::await).isInstanceOf(RequestFailedException.class).hasCause(checked);
        assertThat(c.failure()).isSameAs(checked);
    }

    @Test
    void aSubRequestsFailureIsThrownByCoAwaitSoFinallyUnwinds() {
        IllegalArgumentException sub = new IllegalArgumentException("sub failed");
        List<String> trace = new CopyOnWriteArrayList<>();
        Request<String> r = Coroutine.start(loop, co -> {
            try {
                return co.await(Requests.<String>failed(co.loop(), sub));
            } finally {
                trace.add("finally");
            }
        });
        assertThatThrownBy(r::await).isSameAs(sub);
        assertThat(trace).containsExactly("finally");
    }

    @Test
    void coAwaitFromAnyOtherThreadIsRefused() throws Exception {
        AtomicReference<Co> leaked = new AtomicReference<>();
        AtomicReference<Throwable> fromHelperThread = new AtomicReference<>();
        Completer<String> gate = Completer.create(loop);
        Request<String> r = Coroutine.start(loop, co -> {
            leaked.set(co);
            Thread helper = Thread.ofVirtual().start(() -> {
                try {
                    co.await(Requests.completed(co.loop(), "x"));
                } catch (Throwable t) {
                    fromHelperThread.set(t);
                }
            });
            helper.join();
            return co.await(gate.request());
        });
        while (leaked.get() == null) {
            Thread.onSpinWait();
        }
        assertThatThrownBy(() -> leaked.get().await(Requests.completed(loop, "y")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("own body thread");
        gate.complete("released");
        assertThat(r.await()).isEqualTo("released");
        assertThat(fromHelperThread.get()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cancellingTheCoroutineCancelsTheAwaitedSubRequestAndUnwindsTheBody() throws Exception {
        Stubborn sub = new Stubborn(loop);
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicReference<Throwable> seenByBody = new AtomicReference<>();
        AtomicReference<Throwable> laterAwait = new AtomicReference<>();
        AtomicBoolean finallyRan = new AtomicBoolean();
        AtomicReference<Thread> bodyThread = new AtomicReference<>();
        Request<String> r = Coroutine.start(loop, co -> {
            try {
                bodyThread.set(Thread.currentThread());
                waiting.countDown();
                return co.await(sub.completer.request());
            } catch (RequestCancelledException e) {
                seenByBody.set(e);
                try {
                    co.await(Requests.completed(co.loop(), "even a done request"));
                } catch (RequestCancelledException again) {
                    laterAwait.set(again);
                }
                assertThat(co.isCancelled()).isTrue();
                throw e;
            } finally {
                finallyRan.set(true);
            }
        });
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
        awaitParked(bodyThread.get()); // the body is inside co.await on the sub-request

        assertThat(r.cancel()).isTrue();

        assertThatThrownBy(r::await).isInstanceOf(RequestCancelledException.class);
        assertThat(r.state()).isEqualTo(RequestState.CANCELLED);
        assertThat(sub.cancelCalls).hasValue(1);
        assertThat(sub.completer.request().state()).as("the sub-request ignored the cancel").isEqualTo(RequestState.IN_PROGRESS);
        assertThat(seenByBody.get()).isInstanceOf(RequestCancelledException.class);
        assertThat(laterAwait.get()).as("a later co.await throws at once").isInstanceOf(RequestCancelledException.class);
        assertThat(finallyRan).isTrue();
        assertThat(r.cancel()).as("already ended").isFalse();
    }

    /** Waits until {@code t} is parked (in co.await: nothing else in that body parks). */
    private static void awaitParked(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (t.getState() != Thread.State.WAITING) {
            assertThat(System.nanoTime()).as("body never parked").isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    @Test
    void aTimeoutEndsTheCoroutineTimedOutCancelsTheSubRequestAndUnwindsWithTheTimeoutException() throws Exception {
        Stubborn sub = new Stubborn(loop);
        AtomicReference<Throwable> seenByBody = new AtomicReference<>();
        AtomicReference<Thread> bodyThread = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch unwound = new CountDownLatch(1);
        Request<String> r = Coroutine.start(loop, co -> {
            try {
                bodyThread.set(Thread.currentThread());
                started.countDown();
                return co.await(sub.completer.request());
            } catch (RuntimeException e) {
                seenByBody.set(e);
                throw e;
            } finally {
                unwound.countDown();
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        awaitParked(bodyThread.get());
        r.withTimeout(Duration.ofMillis(20));

        assertThatThrownBy(r::await).isExactlyInstanceOf(RequestTimeoutException.class);
        assertThat(r.state()).isEqualTo(RequestState.TIMED_OUT);
        assertThat(unwound.await(5, TimeUnit.SECONDS)).as("finally ran").isTrue();
        assertThat(seenByBody.get()).isSameAs(r.failure());
        assertThat(sub.cancelCalls).hasValue(1);
    }

    @Test
    void aCoroutineCancelledBeforeItsBodyStartedNeverRunsIt() {
        ManualLoop manual = new ManualLoop();
        AtomicBoolean ran = new AtomicBoolean();
        Request<String> r = Coroutine.start(manual, co -> {
            ran.set(true);
            return "no";
        });
        assertThat(r.cancel()).isTrue();
        manual.runPending();
        assertThat(r.state()).isEqualTo(RequestState.CANCELLED);
        assertThat(ran).isFalse();
    }

    @Test
    void aCancelledSubRequestThatTheCoroutineDidNotCauseFailsTheCoroutine() {
        Request<String> r = Coroutine.start(loop, co -> {
            Completer<String> sub = Completer.create(co.loop());
            sub.onCancel(sub::cancelled);
            sub.request().cancel();
            return co.await(sub.request());
        });
        assertThatThrownBy(r::await).isInstanceOf(RequestCancelledException.class);
        assertThat(r.state()).isEqualTo(RequestState.FAILED);
    }

    @Test
    void theBodyMayStillBlockOnAwaitSinceItIsNotALoopThread() {
        Request<Integer> r = Coroutine.start(loop, co -> Requests.sleep(co.loop(), Duration.ofMillis(1))
                .toCompletableFuture().thenApply(v -> 5).join() + Requests.completed(co.loop(), 1).await());
        assertThat(r.await()).isEqualTo(6);
    }
}
