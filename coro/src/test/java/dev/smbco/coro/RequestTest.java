package dev.smbco.coro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class RequestTest {

    private final ManualLoop loop = new ManualLoop();

    @Test
    void theFirstEndWinsAndASecondCompletionByTheCompleterIsReportedAsABug() {
        try (BugCollector bugs = new BugCollector()) {
            Completer<String> c = Completer.create(loop);
            assertThat(c.complete("first")).isTrue();
            assertThat(bugs.bugs).isEmpty();

            assertThat(c.complete("second")).isFalse();
            assertThat(c.fail(new IOException("late"))).isFalse();

            assertThat(c.request().state()).isEqualTo(RequestState.DONE);
            assertThat(c.request().recv()).isEqualTo("first");
            assertThat(bugs.bugs).hasSize(2);
            assertThat(bugs.bugs.get(0)).hasMessageContaining("second complete");
            assertThat(bugs.bugs.get(1)).hasMessageContaining("second fail");
        }
    }

    @Test
    void aSecondFailAfterFailIsABugToo() {
        try (BugCollector bugs = new BugCollector()) {
            Completer<String> c = Completer.create(loop);
            IllegalArgumentException first = new IllegalArgumentException("first");
            assertThat(c.fail(first)).isTrue();
            assertThat(c.fail(new IllegalArgumentException("second"))).isFalse();
            assertThat(c.request().failure()).isSameAs(first);
            assertThat(bugs.bugs).hasSize(1);
        }
    }

    @Test
    void completionLosingToATimeoutOrACancelIsQuiet() {
        try (BugCollector bugs = new BugCollector()) {
            Completer<String> timedOut = Completer.create(loop);
            timedOut.request().withTimeout(Duration.ofMillis(5));
            loop.fireTimers();
            assertThat(timedOut.request().state()).isEqualTo(RequestState.TIMED_OUT);
            assertThat(timedOut.complete("late")).isFalse();
            assertThat(timedOut.fail(new IOException("late"))).isFalse();

            Completer<String> cancelled = Completer.create(loop);
            cancelled.onCancel(cancelled::cancelled);
            assertThat(cancelled.request().cancel()).isTrue();
            assertThat(cancelled.request().state()).isEqualTo(RequestState.CANCELLED);
            assertThat(cancelled.complete("late")).isFalse();
            assertThat(cancelled.cancelled()).isFalse();

            assertThat(bugs.bugs).isEmpty();
        }
    }

    @Test
    void callbacksNeverRunInlineEvenWhenTheRequestIsAlreadyDone() {
        Completer<Integer> c = Completer.create(loop);
        List<String> seen = new ArrayList<>();
        c.request().onDone(r -> seen.add("before:" + r.recv()));
        c.complete(7);
        assertThat(seen).as("completing must not run callbacks inline").isEmpty();

        loop.runPending();
        assertThat(seen).containsExactly("before:7");

        c.request().onDone(r -> seen.add("after:" + r.recv()));
        assertThat(seen).as("subscribing to a done request must not run the callback inline").hasSize(1);
        loop.runPending();
        assertThat(seen).containsExactly("before:7", "after:7");
    }

    @Test
    void callbacksAddedOnTheLoopToADoneRequestStillWaitForTheirOwnTask() throws Exception {
        try (SingleThreadLoop real = new SingleThreadLoop()) {
            AtomicBoolean ranInline = new AtomicBoolean(true);
            AtomicBoolean ran = new AtomicBoolean();
            CountDownLatch done = new CountDownLatch(1);
            real.execute(() -> {
                Request<String> r = Requests.completed(real, "x");
                r.onDone(x -> {
                    ran.set(true);
                    done.countDown();
                });
                ranInline.set(ran.get()); // still inside the task that completed and subscribed
            });
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(ranInline).isFalse();
        }
    }

    @Test
    void recvWhileInProgressIsAProgrammingError() {
        Completer<String> c = Completer.create(loop);
        assertThatThrownBy(() -> c.request().recv())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in progress");
        assertThat(c.request().state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(c.request().isDone()).isFalse();
        assertThat(c.request().failure()).isNull();
    }

    @Test
    void recvRethrowsUncheckedFailuresAsTheyAreAndWrapsCheckedOnes() {
        IllegalStateException unchecked = new IllegalStateException("boom");
        Request<String> a = Requests.failed(loop, unchecked);
        assertThatThrownBy(a::recv).isSameAs(unchecked);
        assertThat(a.state()).isEqualTo(RequestState.FAILED);

        IOException checked = new IOException("disk");
        Request<String> b = Requests.failed(loop, checked);
        assertThatThrownBy(b::recv)
                .isInstanceOf(RequestFailedException.class)
                .hasCause(checked);
        assertThat(b.failure()).isSameAs(checked);

        AssertionError error = new AssertionError("err");
        assertThatThrownBy(Requests.failed(loop, error)::recv).isSameAs(error);
    }

    @Test
    void cleanupRunsOnceOnTheLoopBeforeTheCallbacks() {
        Completer<String> c = Completer.create(loop);
        List<String> order = new ArrayList<>();
        c.onCleanup(state -> order.add("cleanup:" + state));
        c.request().onDone(r -> order.add("done"));
        c.fail(new IllegalStateException("x"));
        assertThat(order).isEmpty();
        loop.runPending();
        assertThat(order).containsExactly("cleanup:FAILED", "done");
        c.request().onDone(r -> order.add("late"));
        loop.runPending();
        assertThat(order).containsExactly("cleanup:FAILED", "done", "late");
    }

    @Test
    void timeoutEndsTheRequestTimedOutWithATypedExceptionAndInvokesTheCancelHandler() {
        Completer<String> c = Completer.create(loop);
        AtomicReference<RequestState> stateSeenByHandler = new AtomicReference<>();
        AtomicReference<RequestState> cleanedUp = new AtomicReference<>();
        c.onCancel(() -> {
            stateSeenByHandler.set(c.request().state());
            return true;
        });
        c.onCleanup(cleanedUp::set);
        c.request().withTimeout(Duration.ofMillis(250));
        assertThat(loop.timers).singleElement().satisfies(t -> assertThat(t.delayNanos).isEqualTo(250_000_000L));

        loop.fireTimers();

        Request<String> r = c.request();
        assertThat(r.state()).isEqualTo(RequestState.TIMED_OUT);
        assertThat(r.failure()).isExactlyInstanceOf(RequestTimeoutException.class).hasMessageContaining("PT0.25S");
        assertThatThrownBy(r::recv).isSameAs(r.failure());
        assertThat(stateSeenByHandler).hasValue(RequestState.TIMED_OUT);
        assertThat(cleanedUp).hasValue(RequestState.TIMED_OUT);
    }

    @Test
    void timeoutUsesTheCompletersOwnExceptionType() {
        class SmbLikeTimeout extends RequestTimeoutException {
            SmbLikeTimeout() {
                super("server did not answer");
            }
        }
        Completer<String> c = Completer.<String>create(loop).timeoutException(SmbLikeTimeout::new);
        c.request().withTimeout(Duration.ofSeconds(1));
        loop.fireTimers();
        assertThat(c.request().state()).isEqualTo(RequestState.TIMED_OUT);
        assertThatThrownBy(c.request()::recv).isInstanceOf(SmbLikeTimeout.class);
    }

    @Test
    void aTimeoutWithItsOwnExceptionNamesWhatTimedOutAndStillCancels() {
        class CompositeTimeout extends RequestTimeoutException {
            CompositeTimeout() {
                super("mkdirs a\\b: not done within its overall deadline of 1 s");
            }
        }
        Completer<String> c = Completer.<String>create(loop).timeoutException(() -> new RequestTimeoutException("the completer's"));
        AtomicReference<Boolean> cancelled = new AtomicReference<>(false);
        c.onCancel(() -> {
            cancelled.set(true);
            return true;
        });
        c.request().withTimeout(Duration.ofSeconds(1), CompositeTimeout::new);
        loop.fireTimers();
        assertThat(c.request().state()).isEqualTo(RequestState.TIMED_OUT);
        assertThatThrownBy(c.request()::recv).isExactlyInstanceOf(CompositeTimeout.class).hasMessageContaining("overall deadline");
        assertThat(cancelled).hasValue(true);
    }

    @Test
    void aProducersOwnExpiryEndsTheRequestLikeATimeoutAndLeavesTheCallersTimerAlone() {
        Completer<String> c = Completer.<String>create(loop).timeoutException(() -> new RequestTimeoutException("no answer within 2 s"));
        AtomicReference<RequestState> stateSeenByHandler = new AtomicReference<>();
        AtomicReference<RequestState> cleanedUp = new AtomicReference<>();
        c.onCancel(() -> {
            stateSeenByHandler.set(c.request().state());
            return true;
        });
        c.onCleanup(cleanedUp::set);

        c.expire(Duration.ofSeconds(2));
        loop.runPending();

        Request<String> r = c.request();
        assertThat(r.state()).isEqualTo(RequestState.TIMED_OUT);
        assertThatThrownBy(r::recv).isExactlyInstanceOf(RequestTimeoutException.class).hasMessage("no answer within 2 s");
        assertThat(stateSeenByHandler).hasValue(RequestState.TIMED_OUT);
        assertThat(cleanedUp).hasValue(RequestState.TIMED_OUT);
        assertThat(c.complete("late")).as("ended once").isFalse();
        c.expire(Duration.ofSeconds(2)); // on an ended request: nothing
        assertThat(r.state()).isEqualTo(RequestState.TIMED_OUT);
    }

    @Test
    void expiryWithoutAnExceptionSupplierNamesTheDuration() {
        Completer<String> c = Completer.create(loop);
        c.expire(Duration.ofMillis(1500));
        assertThat(c.request().failure()).isExactlyInstanceOf(RequestTimeoutException.class).hasMessageContaining("PT1.5S");
    }

    @Test
    void theTimerIsDroppedWhenTheRequestEndsOtherwise() {
        Completer<String> c = Completer.create(loop);
        c.request().withTimeout(Duration.ofSeconds(30));
        ManualLoop.Timer timer = loop.timers.get(0);
        c.complete("in time");
        loop.runPending();
        assertThat(timer.cancelled).isTrue();
        loop.fireTimers();
        assertThat(c.request().state()).isEqualTo(RequestState.DONE);

        loop.timers.clear();
        c.request().withTimeout(Duration.ofSeconds(1));
        assertThat(loop.timers).as("an ended request schedules no timer").isEmpty();
    }

    @Test
    void cancelReturnsTheHandlersAnswerAndTheResultSaysWhetherItWasCancelled() {
        Completer<String> none = Completer.create(loop);
        assertThat(none.request().cancel()).as("no handler").isFalse();
        assertThat(none.request().state()).isEqualTo(RequestState.IN_PROGRESS);

        Completer<String> refuses = Completer.<String>create(loop).onCancel(() -> false);
        assertThat(refuses.request().cancel()).isFalse();
        assertThat(refuses.request().state()).isEqualTo(RequestState.IN_PROGRESS);

        AtomicInteger calls = new AtomicInteger();
        Completer<String> accepts = Completer.create(loop);
        accepts.onCancel(() -> {
            calls.incrementAndGet();
            return true; // possible: we sent a cancel, the real answer will tell
        });
        assertThat(accepts.request().cancel()).isTrue();
        assertThat(accepts.request().cancel()).as("the first answer, handler not invoked again").isTrue();
        assertThat(calls).hasValue(1);
        assertThat(accepts.request().state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(accepts.complete("the reply won the race")).isTrue();
        assertThat(accepts.request().recv()).isEqualTo("the reply won the race");

        AtomicInteger lateCalls = new AtomicInteger();
        Completer<String> ended = Completer.create(loop);
        ended.onCancel(() -> lateCalls.incrementAndGet() > 0);
        ended.complete("v");
        assertThat(ended.request().cancel()).isFalse();
        assertThat(lateCalls).hasValue(0);

        Completer<String> confirmed = Completer.create(loop);
        confirmed.onCancel(confirmed::cancelled);
        assertThat(confirmed.request().cancel()).isTrue();
        assertThat(confirmed.request().state()).isEqualTo(RequestState.CANCELLED);
        assertThatThrownBy(confirmed.request()::recv).isInstanceOf(RequestCancelledException.class);
    }
}
