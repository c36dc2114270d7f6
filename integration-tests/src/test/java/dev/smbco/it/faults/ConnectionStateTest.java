package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.ConnectionState;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.resilience.ReconnectListener;
import dev.smbco.client.resilience.ReconnectPolicy;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SmbConnection#state()} through a reconnection that the proxy holds: the proxy stops
 * forwarding and cuts the connection, so the client's new TCP connection is made but its
 * NEGOTIATE gets no answer until the proxy forwards again. Meanwhile the state stays RECONNECTING
 * and {@code isOpen()} false (a new TCP connection exists, but nothing is re-established); it turns
 * UP when the proxy forwards again, CLOSED (for good) when the policy gives up, when the client
 * closes the connection, and at once on a drop without a reconnect policy.
 */
@ExtendWith(SambaExtension.class)
class ConnectionStateTest {
    /** Generous: the machine is shared; the states are what is under test, not how fast they come. */
    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static void awaitState(SmbConnection conn, ConnectionState wanted) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (conn.state() != wanted && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(conn.state()).as("the connection's state within %s", WITHIN).isEqualTo(wanted);
    }

    /** Samples the state for a while: it must stay {@code held} (and isOpen() false) throughout. */
    private static void staysReconnecting(SmbConnection conn) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            assertThat(conn.state()).as("sample %d while the proxy holds the reconnection", i).isEqualTo(ConnectionState.RECONNECTING);
            assertThat(conn.isOpen()).as("isOpen() while reconnecting").isFalse();
            assertThat(conn.isReconnecting()).isTrue();
            Thread.sleep(50);
        }
    }

    /** The listener is called on the event loop, just after the state moved: waits for it. */
    private static void awaitEvents(List<String> events, String... expected) throws InterruptedException {
        long end = System.nanoTime() + WITHIN.toNanos();
        while (events.size() < expected.length && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(events).as("what the ReconnectListener heard").containsExactly(expected);
    }

    private static List<String> recordEvents(SmbConnection conn) {
        List<String> events = new CopyOnWriteArrayList<>();
        conn.onReconnect(new ReconnectListener() {
            @Override
            public void lost(String peer, Throwable cause) {
                events.add("lost");
            }

            @Override
            public void reconnected(String peer, int attempts) {
                events.add("reconnected");
            }

            @Override
            public void gaveUp(String peer, Throwable cause) {
                events.add("gaveUp");
            }
        });
        return events;
    }

    @Test
    void upThenReconnectingWhileHeldThenUpAgain(SambaServer server) throws Exception {
        try (Through t = Through.start(server, true).connected()) {
            List<String> events = recordEvents(t.conn);
            assertThat(t.conn.state()).isEqualTo(ConnectionState.UP);
            assertThat(t.conn.isOpen()).isTrue();
            assertThat(t.conn.isReconnecting()).isFalse();

            t.proxy.stall();
            assertThat(t.proxy.cut()).isEqualTo(1);
            awaitState(t.conn, ConnectionState.RECONNECTING);
            var waiting = t.tree.existsSend("no-such-file-" + Through.unique("state"));
            staysReconnecting(t.conn);
            assertThat(waiting.isDone()).as("a request made while reconnecting waits (%s)", waiting.isDone() ? waiting.failure() : "").isFalse();
            assertThat(t.proxy.acceptedConnections()).as("the reconnection's TCP connection is made, and held").isGreaterThanOrEqualTo(2);

            t.proxy.resume();
            awaitState(t.conn, ConnectionState.UP);
            assertThat(t.conn.isOpen()).isTrue();
            assertThat(t.conn.isReconnecting()).isFalse();
            FaultMatrix.Outcome<Boolean> answered = FaultMatrix.outcome(waiting);
            assertThat(answered.failure()).as("the request that waited").isNull();
            assertThat(answered.value()).as("the request that waited, answered").isFalse();
            awaitEvents(events, "lost", "reconnected");
        }
    }

    @Test
    void reconnectingThenClosedForGoodWhenThePolicyGivesUp(SambaServer server) throws Exception {
        ReconnectPolicy shortDeadline = ReconnectPolicy.on(Duration.ofSeconds(2)).backoff(Duration.ofMillis(100), Duration.ofMillis(500));
        try (Through t = Through.start(server, shortDeadline).connected()) {
            List<String> events = recordEvents(t.conn);
            t.proxy.stall();
            assertThat(t.proxy.cut()).isEqualTo(1);
            awaitState(t.conn, ConnectionState.RECONNECTING);
            var waiting = t.tree.existsSend("no-such-file-" + Through.unique("state"));

            awaitState(t.conn, ConnectionState.CLOSED);
            assertThat(t.conn.isOpen()).isFalse();
            assertThat(t.conn.isReconnecting()).isFalse();
            awaitEvents(events, "lost", "gaveUp");
            assertThat(FaultMatrix.outcome(waiting).failure()).as("the request that waited").isInstanceOf(SmbConnectionLostException.class);

            t.proxy.resume();
            Thread.sleep(500);
            assertThat(t.conn.state()).as("CLOSED is final").isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Test
    void closedAtOnceWhenTheClientClosesWhileReconnecting(SambaServer server) throws Exception {
        try (Through t = Through.start(server, true).connected()) {
            t.proxy.stall();
            assertThat(t.proxy.cut()).isEqualTo(1);
            awaitState(t.conn, ConnectionState.RECONNECTING);
            t.conn.close();
            assertThat(t.conn.state()).isEqualTo(ConnectionState.CLOSED);
            t.proxy.resume();
            Thread.sleep(500);
            assertThat(t.conn.state()).as("CLOSED is final").isEqualTo(ConnectionState.CLOSED);
        }
    }

    @Test
    void closedWithoutAReconnectPolicy(SambaServer server) throws Exception {
        try (Through t = Through.start(server, false).connected()) {
            assertThat(t.conn.state()).isEqualTo(ConnectionState.UP);
            assertThat(t.proxy.cut()).isEqualTo(1);
            awaitState(t.conn, ConnectionState.CLOSED);
            assertThat(t.conn.isOpen()).isFalse();
            assertThat(t.conn.isReconnecting()).isFalse();
        }
    }
}
