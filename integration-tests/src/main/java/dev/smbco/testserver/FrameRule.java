package dev.smbco.testserver;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * One fault installed on one direction of a {@link FaultProxy}: frames that {@code match} are
 * counted, and the {@code nth} of them (or every one, when nth is 0) gets the action. Frames
 * are Direct-TCP payloads (the SMB2 message or transform, without the 4-byte prefix).
 */
public final class FrameRule {
    /** What happens to a frame the rule hits. */
    public enum Action {
        /** Forward what the rewrite function returns (a null return drops the frame). */
        REWRITE,
        /** Swallow the frame. */
        DROP,
        /** Abort the connection instead of forwarding the frame (RST to both sides). */
        CUT,
        /**
         * Keep the frame (and everything behind it in that direction) until {@link #release()}
         * is called or the connection closes, then forward it unchanged.
         */
        HOLD,
        /**
         * Forward the frame (and, with nth 0, every later matching one) one byte at a time with
         * {@link #trickleGap()} between bytes: a slow-loris peer that never stops sending but
         * never finishes a frame in reasonable time.
         */
        TRICKLE
    }

    private final Predicate<byte[]> match;
    private final int nth;
    private final Action action;
    private final UnaryOperator<byte[]> rewrite;
    private final Duration trickleGap;
    private volatile long firstFireNanos;
    private final AtomicInteger matched = new AtomicInteger();
    private final AtomicInteger fired = new AtomicInteger();
    private final CountDownLatch firstFire = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean removed;

    FrameRule(Predicate<byte[]> match, int nth, Action action, UnaryOperator<byte[]> rewrite) {
        this(match, nth, action, rewrite, Duration.ZERO);
    }

    FrameRule(Predicate<byte[]> match, int nth, Action action, UnaryOperator<byte[]> rewrite, Duration trickleGap) {
        if (nth < 0) {
            throw new IllegalArgumentException("nth must be >= 0 (0 = every matching frame), not " + nth);
        }
        this.match = Objects.requireNonNull(match, "match");
        this.nth = nth;
        this.action = Objects.requireNonNull(action, "action");
        this.rewrite = action == Action.REWRITE ? Objects.requireNonNull(rewrite, "rewrite") : null;
        this.trickleGap = Objects.requireNonNull(trickleGap, "trickleGap");
    }

    /** How many times the action was applied. */
    public int fired() {
        return fired.get();
    }

    /** How many frames matched so far (hit or not). */
    public int matched() {
        return matched.get();
    }

    /**
     * {@link System#nanoTime()} when the action was first applied (for a CUT: the moment the
     * connection was aborted), or 0 while it has not been. Fault tests measure from it how long
     * the client took to notice.
     */
    public long firstFiredNanos() {
        return firstFireNanos;
    }

    /** For a {@link Action#TRICKLE}: the pause between two forwarded bytes. */
    public Duration trickleGap() {
        return trickleGap;
    }

    /** Waits until the action has been applied at least once; false on timeout. */
    public boolean awaitFired(Duration timeout) throws InterruptedException {
        return firstFire.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Lets a {@link Action#HOLD held} frame go on (and any later one the rule hits at once). */
    public void release() {
        released.countDown();
    }

    /** For a HOLD: waits until {@link #release()} or until {@code closed} says the connection is gone. */
    void awaitRelease(java.util.function.BooleanSupplier closed) throws InterruptedException {
        while (!released.await(50, TimeUnit.MILLISECONDS)) {
            if (closed.getAsBoolean()) {
                return;
            }
        }
    }

    /** Uninstalls the rule; frames pass untouched from now on. */
    public void remove() {
        removed = true;
    }

    boolean isActive() {
        return !removed && (nth == 0 || fired.get() == 0);
    }

    Action action() {
        return action;
    }

    /** Whether this frame is the one to hit; counts it when it matches. Called by one pump thread. */
    boolean hits(byte[] frame) {
        if (!isActive() || !match.test(frame)) {
            return false;
        }
        int n = matched.incrementAndGet();
        return nth == 0 || n == nth;
    }

    /** Applies a REWRITE to a hit frame and records the fire. */
    byte[] apply(byte[] frame) {
        byte[] out = action == Action.REWRITE ? rewrite.apply(frame) : frame;
        recordFire();
        return out;
    }

    void recordFire() {
        if (firstFireNanos == 0) {
            firstFireNanos = System.nanoTime();
        }
        fired.incrementAndGet();
        firstFire.countDown();
    }
}
