package dev.smbco.coro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RequestsTest {

    private final ManualLoop loop = new ManualLoop();

    /** An input whose cancel handler counts calls and confirms the cancel. */
    private final class Input {
        final Completer<String> completer = Completer.create(loop);
        final AtomicInteger cancels = new AtomicInteger();

        Input() {
            completer.onCancel(() -> {
                cancels.incrementAndGet();
                return completer.cancelled();
            });
        }

        Request<String> request() {
            return completer.request();
        }
    }

    private static List<Request<String>> requests(Input... inputs) {
        return Arrays.stream(inputs).map(Input::request).toList();
    }

    @Test
    void allCollectsTheValuesInInputOrderWhateverOrderTheyArriveIn() {
        Input a = new Input(), b = new Input(), c = new Input();
        Request<List<String>> all = Requests.all(loop, requests(a, b, c));
        c.completer.complete("c");
        a.completer.complete(null);
        loop.runPending();
        assertThat(all.isDone()).isFalse();
        b.completer.complete("b");
        loop.runPending();
        assertThat(all.state()).isEqualTo(RequestState.DONE);
        assertThat(all.recv()).containsExactly(null, "b", "c");
        assertThat(a.cancels.get() + b.cancels.get() + c.cancels.get()).isZero();
    }

    @Test
    void allOfNothingIsAnEmptyList() {
        Request<List<String>> all = Requests.all(loop, List.of());
        assertThat(all.recv()).isEmpty();
    }

    @Test
    void allFailsWithTheFirstFailureAndCancelsTheRest() {
        try (BugCollector bugs = new BugCollector()) {
            Input a = new Input(), b = new Input(), c = new Input();
            Request<List<String>> all = Requests.all(loop, requests(a, b, c));
            a.completer.complete("a");
            IOException first = new IOException("first");
            b.completer.fail(first);
            loop.runPending();
            assertThat(all.state()).isEqualTo(RequestState.FAILED);
            assertThat(all.failure()).isSameAs(first);
            assertThat(c.cancels).hasValue(1);
            assertThat(c.request().state()).isEqualTo(RequestState.CANCELLED);
            assertThat(a.cancels).as("ended inputs are not bothered").hasValue(0);
            loop.runPending(); // c's cancellation reaches all: ignored, no bug
            assertThat(all.failure()).isSameAs(first);
            assertThat(bugs.bugs).isEmpty();
        }
    }

    @Test
    void cancellingAllCancelsEveryInputStillRunning() {
        Input a = new Input(), b = new Input();
        Request<List<String>> all = Requests.all(loop, requests(a, b));
        a.completer.complete("a");
        loop.runPending();
        assertThat(all.cancel()).isTrue();
        assertThat(all.state()).isEqualTo(RequestState.CANCELLED);
        assertThat(b.cancels).hasValue(1);
        assertThat(a.cancels).hasValue(0);
    }

    @Test
    void allTimingOutCancelsItsInputs() {
        Input a = new Input();
        Request<List<String>> all = Requests.all(loop, requests(a)).withTimeout(Duration.ofSeconds(1));
        loop.fireTimers();
        assertThat(all.state()).isEqualTo(RequestState.TIMED_OUT);
        assertThat(a.cancels).hasValue(1);
    }

    @Test
    void firstTakesTheFirstSuccessIgnoresEarlierFailuresAndCancelsTheLosers() {
        Input a = new Input(), b = new Input(), c = new Input();
        Request<String> first = Requests.first(loop, requests(a, b, c));
        a.completer.fail(new IOException("a is down"));
        loop.runPending();
        assertThat(first.isDone()).as("one failure does not decide").isFalse();
        b.completer.complete("b");
        loop.runPending();
        assertThat(first.state()).isEqualTo(RequestState.DONE);
        assertThat(first.recv()).isEqualTo("b");
        assertThat(c.cancels).hasValue(1);
        assertThat(c.request().state()).isEqualTo(RequestState.CANCELLED);
        assertThat(a.cancels.get() + b.cancels.get()).isZero();
    }

    @Test
    void firstFailsWithTheLastFailureWhenAllFail() {
        Input a = new Input(), b = new Input();
        Request<String> first = Requests.first(loop, requests(a, b));
        IOException last = new IOException("b is down too");
        b.completer.fail(new IOException("a is down"));
        loop.runPending();
        a.completer.fail(last);
        loop.runPending();
        assertThat(first.state()).isEqualTo(RequestState.FAILED);
        assertThat(first.failure()).isSameAs(last);
    }

    @Test
    void cancellingFirstCancelsAllInputs() {
        Input a = new Input(), b = new Input();
        Request<String> first = Requests.first(loop, requests(a, b));
        assertThat(first.cancel()).isTrue();
        assertThat(first.state()).isEqualTo(RequestState.CANCELLED);
        assertThat(a.cancels).hasValue(1);
        assertThat(b.cancels).hasValue(1);
    }

    @Test
    void firstOfNothingIsRefused() {
        assertThatThrownBy(() -> Requests.first(loop, List.<Request<String>>of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sleepCompletesWhenItsTimerFiresAndCanBeCancelled() {
        Request<Void> nap = Requests.sleep(loop, Duration.ofMillis(3));
        assertThat(loop.timers).singleElement().satisfies(t -> assertThat(t.delayNanos).isEqualTo(3_000_000L));
        assertThat(nap.isDone()).isFalse();
        loop.fireTimers();
        assertThat(nap.state()).isEqualTo(RequestState.DONE);
        assertThat(nap.recv()).isNull();
        assertThat(nap.cancel()).isFalse();

        Request<Void> cancelled = Requests.sleep(loop, Duration.ofHours(1));
        assertThat(cancelled.cancel()).isTrue();
        assertThat(cancelled.state()).isEqualTo(RequestState.CANCELLED);
        assertThat(loop.timers.get(1).cancelled).isTrue();
    }

    @Test
    void completedAndFailedAreEndedRequestsThatStillDeliverViaTheLoop() {
        Request<String> ok = Requests.completed(loop, "v");
        IllegalStateException boom = new IllegalStateException("boom");
        Request<String> bad = Requests.failed(loop, boom);
        assertThat(ok.state()).isEqualTo(RequestState.DONE);
        assertThat(bad.state()).isEqualTo(RequestState.FAILED);
        AtomicInteger delivered = new AtomicInteger();
        ok.onDone(r -> delivered.incrementAndGet());
        bad.onDone(r -> delivered.incrementAndGet());
        assertThat(delivered).hasValue(0);
        loop.runPending();
        assertThat(delivered).hasValue(2);
        assertThat(bad.failure()).isSameAs(boom);
    }
}
