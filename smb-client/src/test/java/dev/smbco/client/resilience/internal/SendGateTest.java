package dev.smbco.client.resilience.internal;

import dev.smbco.client.resilience.ReconnectPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbHandleLostException;
import dev.smbco.client.internal.Route;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.FlushRequest;
import dev.smbco.protocol.smb2.ReadRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gate's states: open, holding (bounded), re-established (retargeted), gave up (each fails once). */
class SendGateTest {
    private static final Route OLD = new Route(7, 3, null, false, false);
    private static final Route NEW = new Route(9, 4, null, false, false);
    private static final FileId OLD_ID = new FileId(1, 2);
    private static final FileId NEW_ID = new FileId(1, 5);
    private static final FileId LOST_ID = new FileId(8, 8);

    /** Routes with session 7 belong to the lost connection; FileId (1,2) was reopened as (1,5), (8,8) was refused. */
    private static final class Map implements SendGate.Retarget {
        int retired;

        public void retire() {
            retired++;
        }

        public boolean stale(Route route) {
            return retired > 0 && route.sessionId() == 7;
        }

        public Route route(Route stale) {
            return NEW;
        }

        public FileId fileId(FileId stale) {
            if (stale.equals(LOST_ID)) {
                throw new SmbHandleLostException("durable handle could not be reopened (STATUS_OBJECT_NAME_NOT_FOUND)", null);
            }
            return stale.equals(OLD_ID) ? NEW_ID : null;
        }
    }

    private static final class Req implements SendGate.Held {
        final Route route;
        Smb2Request body;
        Route sentOn;
        Duration waitedFor;
        final List<RuntimeException> failures = new ArrayList<>();

        Req(Route route, Smb2Request body) {
            this.route = route;
            this.body = body;
        }

        public Route route() {
            return route;
        }

        public Smb2Request body() {
            return body;
        }

        public void resend(Route r, Smb2Request b) {
            sentOn = r;
            body = b;
        }

        public void failHeld(RuntimeException error) {
            failures.add(error);
        }

        public void waiting(Duration reconnectDeadline) {
            waitedFor = reconnectDeadline;
        }
    }

    @Test
    void openPassesEverythingUntilTheFirstDrop() {
        SendGate gate = new SendGate("srv", new Map());
        assertThat(gate.intercept(new Req(OLD, new FlushRequest(OLD_ID)))).isFalse();
    }

    @Test
    void holdsStaleRoutesUpToTheLimitAndSendsThemRetargetedWhenReestablished() {
        SendGate gate = new SendGate("srv", new Map());
        gate.hold(2, Duration.ofSeconds(30));
        Req read = new Req(OLD, ReadRequest.of(OLD_ID, 0, 10));
        Req flush = new Req(OLD, new FlushRequest(OLD_ID));
        Req third = new Req(OLD, new FlushRequest(OLD_ID));
        Req fresh = new Req(NEW, new FlushRequest(NEW_ID));
        assertThat(gate.intercept(read)).isTrue();
        assertThat(gate.intercept(flush)).isTrue();
        assertThat(gate.intercept(third)).isTrue();
        assertThat(gate.intercept(fresh)).as("the reconnection's own requests pass").isFalse();
        assertThat(third.failures).singleElement().isInstanceOf(SmbConnectionLostException.class)
                .satisfies(e -> assertThat(((SmbConnectionLostException) e).wasSent()).isFalse());
        assertThat(read.sentOn).isNull();
        assertThat(read.waitedFor).as("told it waits for a reconnection bounded so").isEqualTo(Duration.ofSeconds(30));
        assertThat(third.waitedFor).as("refused at the limit: never waits").isNull();
        assertThat(fresh.waitedFor).isNull();

        gate.open();
        assertThat(read.sentOn).isEqualTo(NEW);
        assertThat(((ReadRequest) read.body).fileId()).isEqualTo(NEW_ID);
        assertThat(((ReadRequest) read.body).length()).isEqualTo(10);
        assertThat(((FlushRequest) flush.body).fileId()).isEqualTo(NEW_ID);
        assertThat(read.failures).isEmpty();

        Req late = new Req(OLD, new FlushRequest(OLD_ID));
        assertThat(gate.intercept(late)).as("built before the reconnection, submitted after").isTrue();
        assertThat(((FlushRequest) late.body).fileId()).isEqualTo(NEW_ID);
    }

    @Test
    void aRefusedHandleFailsOnlyItsRequests() {
        SendGate gate = new SendGate("srv", new Map());
        gate.hold(10, Duration.ofSeconds(30));
        Req lost = new Req(OLD, new FlushRequest(LOST_ID));
        Req fine = new Req(OLD, new FlushRequest(OLD_ID));
        gate.intercept(lost);
        gate.intercept(fine);
        gate.open();
        assertThat(lost.failures).singleElement().isInstanceOf(SmbHandleLostException.class);
        assertThat(lost.failures.get(0)).hasMessageContaining("durable handle could not be reopened (STATUS_OBJECT_NAME_NOT_FOUND)");
        assertThat(fine.failures).isEmpty();
        assertThat(fine.sentOn).isEqualTo(NEW);
    }

    @Test
    void givingUpFailsEveryWaitingRequestOnceAndLaterOnesAtOnce() {
        SendGate gate = new SendGate("srv", new Map());
        gate.hold(10, Duration.ofSeconds(30));
        Req a = new Req(OLD, new FlushRequest(OLD_ID));
        gate.intercept(a);
        gate.giveUp(new SmbConnectionLostException("gave up", false, null));
        gate.giveUp(new SmbConnectionLostException("again", false, null));
        assertThat(a.failures).hasSize(1);
        Req later = new Req(OLD, new FlushRequest(OLD_ID));
        assertThat(gate.intercept(later)).isTrue();
        assertThat(later.failures).singleElement().isInstanceOf(SmbConnectionLostException.class);
        assertThat(later.sentOn).isNull();
    }

    @Test
    void policyBackoffDoublesUpToTheMaximumAndRejectsNonsense() {
        ReconnectPolicy p = ReconnectPolicy.on(Duration.ofSeconds(30)).backoff(Duration.ofMillis(100), Duration.ofMillis(500));
        assertThat(p.pauseBefore(0)).isZero();
        assertThat(p.pauseBefore(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(p.pauseBefore(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(p.pauseBefore(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(p.pauseBefore(40)).isEqualTo(Duration.ofMillis(500));
        assertThat(ReconnectPolicy.off().enabled()).isFalse();
        assertThatThrownBy(() -> ReconnectPolicy.on(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectPolicy.on(Duration.ofSeconds(1)).queueLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
