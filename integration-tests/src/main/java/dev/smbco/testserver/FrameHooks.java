package dev.smbco.testserver;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The faults installed on one direction of a {@link FaultProxy}. Frames are Direct-TCP
 * payloads (MS-SMB2 2.1: a zero byte and a 24-bit big-endian length precede each), given to
 * predicates and rewrites without that prefix; the proxy writes a new prefix for the rewritten
 * length. Rules are checked in the order they were installed; the first one that hits a frame
 * decides its fate.
 */
public final class FrameHooks {
    private final List<FrameRule> rules = new CopyOnWriteArrayList<>();

    FrameHooks() {
    }

    /** Rewrites the {@code nth} frame (1-based) matching {@code match}; nth 0 = every matching frame. */
    public FrameRule rewrite(Predicate<byte[]> match, int nth, UnaryOperator<byte[]> rewrite) {
        return add(new FrameRule(match, nth, FrameRule.Action.REWRITE, rewrite));
    }

    /** Flips every bit of the byte at {@code offset} (into the payload) of the nth matching frame. */
    public FrameRule corrupt(Predicate<byte[]> match, int nth, int offset) {
        return rewrite(match, nth, Frames.flipByte(offset));
    }

    /** Swallows the nth frame matching {@code match} (0 = every one). */
    public FrameRule drop(Predicate<byte[]> match, int nth) {
        return add(new FrameRule(match, nth, FrameRule.Action.DROP, null));
    }

    /** Aborts the connection (RST both ways) instead of forwarding the nth matching frame. */
    public FrameRule cutAt(Predicate<byte[]> match, int nth) {
        return add(new FrameRule(match, nth, FrameRule.Action.CUT, null));
    }

    /**
     * Holds back the nth frame matching {@code match} (0 = every one) until the returned rule's
     * {@link FrameRule#release()}: the frame and all that follows it in this direction wait,
     * the connection stays open. A test uses it to let a response arrive after its request gave up.
     */
    public FrameRule hold(Predicate<byte[]> match, int nth) {
        return add(new FrameRule(match, nth, FrameRule.Action.HOLD, null));
    }

    /**
     * Forwards the nth frame matching {@code match} (0 = every one) one byte at a time, {@code gap}
     * apart: a slow-loris peer. The connection stays open; what follows the frame waits behind it.
     */
    public FrameRule trickle(Predicate<byte[]> match, int nth, java.time.Duration gap) {
        if (gap.isNegative() || gap.isZero()) {
            throw new IllegalArgumentException("a trickle needs a positive gap between bytes, not " + gap);
        }
        return add(new FrameRule(match, nth, FrameRule.Action.TRICKLE, null, gap));
    }

    /**
     * Shows every frame of this direction to {@code watcher} (on the proxy's pump thread, before
     * any rule installed later judges it) and decides nothing: the frame goes on to the other rules.
     */
    public FrameRule watch(java.util.function.Consumer<byte[]> watcher) {
        return add(new FrameRule(frame -> {
            watcher.accept(frame);
            return false;
        }, 0, FrameRule.Action.REWRITE, UnaryOperator.identity()));
    }

    /** Removes every rule. */
    public void clear() {
        rules.forEach(r -> {
            r.remove();
            r.release();
        });
        rules.clear();
    }

    private FrameRule add(FrameRule rule) {
        rules.add(rule);
        return rule;
    }

    /** Whether a frame must be read whole to be judged (otherwise it is streamed through). */
    boolean active() {
        for (FrameRule r : rules) {
            if (r.isActive()) {
                return true;
            }
        }
        return false;
    }

    /** The rule that hits {@code frame}, or null. */
    FrameRule hit(byte[] frame) {
        for (FrameRule r : rules) {
            if (r.hits(frame)) {
                return r;
            }
        }
        return null;
    }
}
