package dev.smbco.coro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An AutoCloseable value that a cancelled or timed-out coroutine (or a first() loser) never receives is closed. */
class UnclaimedTest {

    private final SingleThreadLoop loop = new SingleThreadLoop("unclaimed-test-loop");

    @AfterEach
    void close() {
        loop.close();
    }

    /** Stands for an open file: counts its closes. */
    private static final class Resource implements AutoCloseable {
        final CountDownLatch closed = new CountDownLatch(1);
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
            closed.countDown();
        }

        boolean awaitClosed() throws InterruptedException {
            return closed.await(5, TimeUnit.SECONDS);
        }
    }

    /** A sub-request whose cancel is "possible" but whose real result still arrives (the reply won the race). */
    private static Completer<Resource> stubborn(Loop loop, CountDownLatch cancelAsked) {
        Completer<Resource> c = Completer.create(loop);
        c.onCancel(() -> {
            cancelAsked.countDown();
            return true;
        });
        return c;
    }

    private static void awaitEnd(Request<?> r) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        r.onDone(x -> done.countDown());
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aSubRequestThatCompletesAfterTheCoroutineWasCancelledHasItsValueClosed() throws Exception {
        CountDownLatch cancelAsked = new CountDownLatch(1);
        Completer<Resource> sub = stubborn(loop, cancelAsked);
        CountDownLatch started = new CountDownLatch(1);
        Request<String> co = Coroutine.start(loop, c -> {
            started.countDown();
            try (Resource r = c.await(sub.request())) {
                return "got " + r;
            }
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(co.cancel()).isTrue(); // whether the body is parked in await yet or about to be
        assertThat(cancelAsked.await(5, TimeUnit.SECONDS)).isTrue();
        awaitEnd(co);
        assertThat(co.state()).isEqualTo(RequestState.CANCELLED);

        Resource late = new Resource();
        sub.complete(late);
        assertThat(late.awaitClosed()).as("the value nobody received is closed").isTrue();
        assertThat(late.closes).hasValue(1);
    }

    @Test
    void aSubRequestThatCompletesAfterTheCoroutineTimedOutHasItsValueClosed() throws Exception {
        CountDownLatch cancelAsked = new CountDownLatch(1);
        Completer<Resource> sub = stubborn(loop, cancelAsked);
        Request<String> co = Coroutine.start(loop, c -> {
            try (Resource r = c.await(sub.request())) {
                return "got " + r;
            }
        }).withTimeout(Duration.ofMillis(50));
        assertThat(cancelAsked.await(5, TimeUnit.SECONDS)).isTrue();
        awaitEnd(co);
        assertThat(co.state()).isEqualTo(RequestState.TIMED_OUT);

        Resource late = new Resource();
        sub.complete(late);
        assertThat(late.awaitClosed()).isTrue();
    }

    @Test
    void aValueThatReachesTheCoroutineIsNotClosedByIt() throws Exception {
        Resource r = new Resource();
        Request<Resource> co = Coroutine.start(loop, c -> c.await(Requests.completed(c.loop(), r)));
        assertThat(co.await()).isSameAs(r);
        assertThat(r.closes).hasValue(0);
    }

    @Test
    void aBodyWhoseRequestEndedHasItsReturnValueClosed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Resource r = new Resource();
        CountDownLatch started = new CountDownLatch(1);
        Request<Resource> co = Coroutine.start(loop, c -> {
            started.countDown();
            release.await(); // not co.await: the body ignores the timeout and returns a value regardless
            return r;
        });
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        co.withTimeout(Duration.ofMillis(1)); // ends it TIMED_OUT while the body still runs
        awaitEnd(co);
        assertThat(co.state()).isEqualTo(RequestState.TIMED_OUT);
        release.countDown();
        assertThat(r.awaitClosed()).as("the return value nobody received is closed").isTrue();
    }

    @Test
    void aFirstLoserThatSucceedsAnywayHasItsValueClosed() throws Exception {
        Completer<Resource> winner = Completer.create(loop);
        CountDownLatch cancelAsked = new CountDownLatch(1);
        Completer<Resource> loser = stubborn(loop, cancelAsked);
        Request<Resource> first = Requests.first(loop, List.of(winner.request(), loser.request()));
        Resource won = new Resource();
        winner.complete(won);
        assertThat(first.await()).isSameAs(won);
        assertThat(cancelAsked.await(5, TimeUnit.SECONDS)).isTrue();
        Resource lost = new Resource();
        loser.complete(lost);
        assertThat(lost.awaitClosed()).isTrue();
        assertThat(won.closes).hasValue(0);
    }
}
