package dev.smbco.client.resilience.internal;

import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbDowngradeException;
import dev.smbco.client.engine.NettyLoop;
import dev.smbco.client.resilience.ReconnectListener;
import dev.smbco.client.resilience.ReconnectPolicy;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reconnection state machine of one connection: IDLE until the connection drops; then the
 * {@link SendGate} holds new requests while attempts run (the first at once, then after the
 * policy's doubling backoff) until one re-establishes everything, or the policy's deadline passes
 * and it gives up, failing everything that waited once. Attempts that cannot succeed by retrying
 * (a downgraded server, refused credentials) give up at once. What an attempt does is the
 * {@link Attempt} the connection provides. Loop-confined, apart from the listener list.
 */
public final class Reconnector {
    private static final Logger log = LoggerFactory.getLogger(Reconnector.class);

    /** One try at re-establishing the connection, its sessions, trees and durable handles. */
    @FunctionalInterface
    public interface Attempt {
        Request<Void> run();
    }

    private enum State { IDLE, RUNNING, GAVE_UP, STOPPED }

    private final ReconnectPolicy policy;
    private final String peer;
    private final NettyLoop loop;
    private final SendGate gate;
    private final Attempt attempt;
    private final List<ReconnectListener> listeners = new CopyOnWriteArrayList<>();
    private volatile State state = State.IDLE;
    private long deadline;
    private int attempts;
    private Throwable lastFailure;
    /** Counts drops, so that timers of an earlier reconnection do nothing. */
    private int round;

    public Reconnector(ReconnectPolicy policy, String peer, NettyLoop loop, SendGate gate, Attempt attempt) {
        this.policy = policy;
        this.peer = peer;
        this.loop = loop;
        this.gate = gate;
        this.attempt = attempt;
    }

    public void addListener(ReconnectListener l) {
        listeners.add(l);
    }

    public boolean isRunning() {
        return state == State.RUNNING;
    }

    /** Whether reconnecting is over for good: it gave up, or the client closed the connection. */
    public boolean isFinished() {
        return state == State.GAVE_UP || state == State.STOPPED;
    }

    /** The client closes the connection: no more reconnecting; anything waiting fails. */
    public void stop() {
        State was = state;
        state = State.STOPPED;
        if (was == State.RUNNING) {
            run(() -> gate.giveUp(new SmbConnectionLostException("connection to " + peer + " closed by the client while reconnecting",
                    false, null)));
        }
    }

    /** On the loop, before the lost connection's requests fail: start reconnecting. */
    public void dropped(Throwable cause) {
        if (state != State.IDLE) {
            return;
        }
        state = State.RUNNING;
        round++;
        gate.hold(policy.queueLimit(), policy.deadline());
        deadline = System.nanoTime() + policy.deadline().toNanos();
        attempts = 0;
        lastFailure = cause;
        log.warn("{}: connection lost ({}); reconnecting for up to {} s", peer, cause.toString(), policy.deadline().toSeconds());
        for (ReconnectListener l : listeners) {
            notify(() -> l.lost(peer, cause));
        }
        int r = round;
        schedule(() -> {
            if (r == round && state == State.RUNNING) {
                giveUp(new SmbConnectionLostException("connection to " + peer + " lost and not re-established within "
                        + policy.deadline().toMillis() + " ms (" + attempts + " attempts; last: " + describe(lastFailure) + ")", false, lastFailure));
            }
        }, policy.deadline().toNanos());
        next();
    }

    private void next() {
        if (state != State.RUNNING) {
            return;
        }
        long pause = policy.pauseBefore(attempts).toNanos();
        if (System.nanoTime() + pause >= deadline) {
            return; // the deadline timer gives up
        }
        int r = round;
        schedule(() -> {
            if (r == round) {
                tryOnce();
            }
        }, pause);
    }

    private void tryOnce() {
        if (state != State.RUNNING) {
            return;
        }
        attempts++;
        int n = attempts;
        int r = round;
        log.debug("{}: reconnect attempt {}", peer, n);
        Request<Void> a;
        try {
            a = attempt.run();
        } catch (RuntimeException e) {
            failed(n, e);
            return;
        }
        a.onDone(done -> run(() -> {
            if (r != round || state != State.RUNNING) {
                return; // gave up or stopped meanwhile; the attempt's connection is closed by whoever stopped it
            }
            if (done.state() == RequestState.DONE) {
                state = State.IDLE;
                log.info("{}: reconnected after {} attempt(s)", peer, n);
                gate.open();
                for (ReconnectListener l : listeners) {
                    notify(() -> l.reconnected(peer, n));
                }
            } else {
                failed(n, done.failure() != null ? done.failure() : new SmbConnectionLostException("reconnect attempt " + done.state(), false, null));
            }
        }));
    }

    private void failed(int n, Throwable e) {
        lastFailure = e;
        if (e instanceof SmbDowngradeException || e instanceof SmbAuthenticationException) {
            giveUp(e instanceof RuntimeException re ? re : new SmbConnectionLostException(e.getMessage(), false, e));
            return;
        }
        log.debug("{}: reconnect attempt {} failed: {}", peer, n, describe(e));
        next();
    }

    private void giveUp(RuntimeException error) {
        if (state != State.RUNNING) {
            return;
        }
        state = State.GAVE_UP;
        log.warn("{}: gave up reconnecting: {}", peer, error.getMessage());
        gate.giveUp(error);
        for (ReconnectListener l : listeners) {
            notify(() -> l.gaveUp(peer, error));
        }
    }

    private void schedule(Runnable task, long nanos) {
        try {
            loop.schedule(task, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            state = State.STOPPED; // the client is shutting down
        }
    }

    private void run(Runnable task) {
        if (loop.inLoop()) {
            task.run();
            return;
        }
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            state = State.STOPPED;
        }
    }

    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("{}: reconnect listener failed: {}", peer, e.toString());
        }
    }

    private static String describe(Throwable e) {
        return e == null ? "none" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
