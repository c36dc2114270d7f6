package dev.smbco.client.dfs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbConnectException;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestCancelledException;
import dev.smbco.coro.RequestState;
import dev.smbco.coro.RequestTimeoutException;
import dev.smbco.coro.SingleThreadLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shared in-flight request behind the DFS referrals ({@link InFlight}) on a real
 * {@link SingleThreadLoop}: the shared work is a request this test ends by hand, so each test
 * decides when "the server answers" while the callers wait.
 */
class InFlightTest {
    private final SingleThreadLoop loop = new SingleThreadLoop("in-flight-test");
    private final List<IllegalStateException> bugs = new CopyOnWriteArrayList<>();
    private Consumer<IllegalStateException> previousReporter;
    /** Every shared request started, in order. */
    private final List<Completer<String>> started = new ArrayList<>();
    private final InFlight<String, String> flights = new InFlight<>(loop);

    @BeforeEach
    void collectBugs() {
        previousReporter = Completer.setBugReporter(bugs::add);
    }

    @AfterEach
    void close() {
        Completer.setBugReporter(previousReporter);
        loop.close();
        assertThat(bugs).as("a request ended twice").isEmpty();
    }

    private final Supplier<Request<String>> start = () -> {
        Completer<String> c = Completer.create(loop);
        started.add(c);
        return c.request();
    };

    @Test
    void callersWhileItRunsShareOneRequestAndEachGetsItsValue() {
        InFlight.Joined<String> a = flights.join("srv", "\\srv\\root\\a", start);
        InFlight.Joined<String> b = flights.join("srv", "\\srv\\root\\b", start);
        InFlight.Joined<String> c = flights.join("SRV-other", "\\other", start);
        assertThat(started).as("one for srv, one for the other key").hasSize(2);
        assertThat(a.started()).isTrue();
        assertThat(b.started()).isFalse();
        assertThat(b.asked()).as("b learns what the shared request asks").isEqualTo("\\srv\\root\\a");
        assertThat(a.request()).isNotSameAs(b.request());
        assertThat(flights.running()).isEqualTo(2);

        started.get(0).complete("referral");
        assertThat(a.request().await()).isEqualTo("referral");
        assertThat(b.request().await()).isEqualTo("referral");
        assertThat(c.request().state()).isEqualTo(RequestState.IN_PROGRESS);
        started.get(1).complete("other");
        assertThat(c.request().await()).isEqualTo("other");
        awaitNothingRunning();
    }

    @Test
    void aCancelledCallerEndsOnlyItsOwnWait() {
        InFlight.Joined<String> a = flights.join("srv", "p", start);
        InFlight.Joined<String> b = flights.join("srv", "p", start);
        InFlight.Joined<String> c = flights.join("srv", "p", start);
        assertThat(a.request().cancel()).isTrue();
        assertThatThrownBy(() -> a.request().await()).isInstanceOf(RequestCancelledException.class);
        b.request().withTimeout(Duration.ZERO);
        assertThatThrownBy(() -> b.request().await()).isInstanceOf(RequestTimeoutException.class);

        Request<String> shared = started.get(0).request();
        assertThat(shared.state()).as("the leader's cancel and the timeout left the shared request running")
                .isEqualTo(RequestState.IN_PROGRESS);
        InFlight.Joined<String> d = flights.join("srv", "p", start);
        assertThat(started).as("a caller after the cancels joins the running request").hasSize(1);
        started.get(0).complete("answer");
        assertThat(c.request().await()).isEqualTo("answer");
        assertThat(d.request().await()).isEqualTo("answer");
        assertThat(a.request().state()).isEqualTo(RequestState.CANCELLED);
        assertThat(b.request().state()).isEqualTo(RequestState.TIMED_OUT);
    }

    @Test
    void aFailureFailsEveryCallerWithTheSameErrorAndTheNextCallerAsksAgain() {
        InFlight.Joined<String> a = flights.join("srv", "p", start);
        InFlight.Joined<String> b = flights.join("srv", "p", start);
        SmbConnectException down = new SmbConnectException("srv:445 refused the connection", null);
        started.get(0).fail(down);
        assertThatThrownBy(() -> a.request().await()).isSameAs(down);
        assertThatThrownBy(() -> b.request().await()).isSameAs(down);

        InFlight.Joined<String> next = flights.join("srv", "p", start);
        assertThat(next.started()).as("a failed request is not joined: the next caller starts a new one").isTrue();
        assertThat(started).hasSize(2);
        started.get(1).complete("second try");
        assertThat(next.request().await()).isEqualTo("second try");
        awaitNothingRunning();
    }

    @Test
    void aRequestThatEndedIsNotJoinedEvenBeforeItLeftTheMap() {
        InFlight.Joined<String> a = flights.join("srv", "p", start);
        // ended, but its removal from the map is still queued on the loop: run this on the loop
        Request<InFlight.Joined<String>> joined = onLoop(() -> {
            started.get(0).fail(new SmbConnectException("gone", null));
            return flights.join("srv", "p", start);
        });
        assertThat(joined.await().started()).isTrue();
        assertThat(started).hasSize(2);
        assertThatThrownBy(() -> a.request().await()).isInstanceOf(SmbConnectException.class);
        started.get(1).complete("fresh");
        assertThat(joined.await().request().await()).isEqualTo("fresh");
    }

    private <T> Request<T> onLoop(Supplier<T> task) {
        Completer<T> c = Completer.create(loop);
        loop.execute(() -> c.complete(task.get()));
        return c.request();
    }

    /** The map entry goes on the loop after the shared request ended; a turn of the loop later it is gone. */
    private void awaitNothingRunning() {
        assertThat(onLoop(flights::running).await()).isZero();
    }
}
