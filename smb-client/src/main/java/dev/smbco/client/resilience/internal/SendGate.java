package dev.smbco.client.resilience.internal;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.internal.Route;
import dev.smbco.protocol.Smb2Request;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where requests of a reconnecting connection wait. Every submission passes it on the event loop:
 * while the connection is being re-established, requests along a route of the lost connection wait
 * here (bounded; beyond the limit they fail at once as never sent); once it is re-established they
 * go along their session's and tree's new route, to their file's reopened handle; if the
 * reconnection gives up they fail, once. Requests along fresh routes (the reconnection's own
 * NEGOTIATE, SESSION_SETUP, TREE_CONNECT and CREATEs) pass. A request's own timeout does not run
 * while it waits here, only from its sending on: the reconnection's deadline bounds the wait.
 * Loop-confined.
 */
public final class SendGate {
    private static final Logger log = LoggerFactory.getLogger(SendGate.class);

    /** A request that may wait here (the sender's handler). */
    public interface Held {
        Route route();

        /** Sends the request along {@code route} with {@code body} (which replaces the one it had); its own timeout starts anew. */
        void resend(Route route, Smb2Request body);

        /**
         * The request waits here: its own timeout stops, as the reconnection (which gives up within
         * {@code reconnectDeadline}) decides its fate while it waits.
         */
        void waiting(java.time.Duration reconnectDeadline);

        Smb2Request body();

        /** Fails the request (never sent). */
        void failHeld(RuntimeException error);
    }

    /** Maps routes and handles of a lost connection to the re-established ones. */
    public interface Retarget {
        /** The connection dropped: every route and handle of it is stale from now on. */
        void retire();

        /** Whether {@code route} belongs to a lost connection. */
        boolean stale(Route route);

        /** The route that replaces {@code stale}. */
        Route route(Route stale);

        /** The FileId now, for a handle of the lost connection; throws the handle's loss when it could not be reopened; null when unknown. */
        dev.smbco.protocol.smb2.FileId fileId(dev.smbco.protocol.smb2.FileId stale);
    }

    private enum State { OPEN, HOLDING, GAVE_UP }

    private final String peer;
    private final Retarget retarget;
    private State state = State.OPEN;
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    private int limit;
    private java.time.Duration holdFor = java.time.Duration.ZERO;
    private RuntimeException gaveUp;

    public SendGate(String peer, Retarget retarget) {
        this.peer = peer;
        this.retarget = retarget;
    }

    /**
     * The connection dropped: requests along its routes wait, up to {@code queueLimit}, for a
     * reconnection that gives up within {@code reconnectDeadline}.
     */
    public void hold(int queueLimit, java.time.Duration reconnectDeadline) {
        retarget.retire();
        state = State.HOLDING;
        limit = queueLimit;
        holdFor = reconnectDeadline;
    }

    /** Whether the gate is holding requests (a reconnection runs). */
    public boolean isHolding() {
        return state == State.HOLDING;
    }

    /**
     * Takes a submission: true when the gate dealt with it (it waits, failed, or went out retargeted),
     * false when the caller submits it to the engine as it is.
     */
    public boolean intercept(Held h) {
        if (!takes(h.route())) {
            return false;
        }
        switch (state) {
            case HOLDING -> {
                if (held.size() >= limit) {
                    h.failHeld(new SmbConnectionLostException("reconnecting to " + peer + ": " + limit
                            + " requests wait already (the reconnect policy's queue limit)", false, null));
                } else {
                    h.waiting(holdFor);
                    held.addLast(h);
                }
            }
            case GAVE_UP -> h.failHeld(copy(gaveUp));
            case OPEN -> send(h);
        }
        return true;
    }

    /**
     * Whether a request along {@code route} is the gate's to deal with (it belongs to a lost
     * connection): {@link #intercept} takes exactly those. A compound chain cannot wait here, so one
     * along such a route goes as separate requests instead, which can.
     */
    public boolean takes(Route route) {
        return retarget.stale(route);
    }

    /** Re-established: every waiting request goes along its new route. */
    public void open() {
        state = State.OPEN;
        List<Held> waiting = new ArrayList<>(held);
        held.clear();
        if (!waiting.isEmpty()) {
            log.debug("{}: sending {} requests that waited for the reconnection", peer, waiting.size());
        }
        for (Held h : waiting) {
            send(h);
        }
    }

    /** Gave up: every waiting request, and every later one along a lost route, fails with {@code error}. */
    public void giveUp(RuntimeException error) {
        state = State.GAVE_UP;
        gaveUp = error;
        List<Held> waiting = new ArrayList<>(held);
        held.clear();
        for (Held h : waiting) {
            h.failHeld(copy(error));
        }
    }

    private void send(Held h) {
        Smb2Request body = h.body();
        Smb2Request moved = body;
        try {
            dev.smbco.protocol.smb2.FileId old = HandleTarget.fileIdOf(body);
            if (old != null) {
                dev.smbco.protocol.smb2.FileId now = retarget.fileId(old);
                if (now != null && !now.equals(old)) {
                    moved = HandleTarget.withFileId(body, now);
                }
            }
        } catch (RuntimeException e) {
            h.failHeld(e);
            return;
        }
        h.resend(retarget.route(h.route()), moved);
    }

    private static RuntimeException copy(RuntimeException e) {
        if (e instanceof SmbConnectionLostException lost) {
            return new SmbConnectionLostException(lost.getMessage(), false, lost);
        }
        return e;
    }
}
