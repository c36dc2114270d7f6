package dev.smbco.client.resilience;

import java.time.Duration;
import java.util.Objects;

/**
 * What a connection does when its TCP connection drops ({@code SmbConfig.reconnect(...)}).
 *
 * <p>{@link #off()} (the library's default): every pending and later request fails with {@code
 * SmbConnectionLostException}, as it always did; an application that holds a connection for long
 * decides itself whether to rebuild it. {@link #on(Duration)}: the client connects again to the
 * same address, renegotiates (refusing a lower dialect or weaker signing or encryption than
 * before), re-authenticates every session with the credentials it holds, reconnects every tree
 * and reopens every durable handle (MS-SMB2 3.2.4.4), so existing {@code SmbFile} objects keep
 * working. Attempts are spaced by a doubling backoff from {@code initialBackoff} up to
 * {@code maxBackoff}; when {@code deadline} has passed since the drop, it gives up and everything
 * that waited fails once. A request made meanwhile waits (up to {@code queueLimit} of them) without
 * its own request timeout running: that counts from when it is sent on the new connection, so the
 * deadline, not the request timeout, bounds how long an outage may last. Opens ask for durable handles only when reconnecting is on: a durable
 * handle keeps server state (and share-mode conflicts for other clients) alive after a drop, which
 * is only worth it for a client that will come back for it.
 *
 * @param enabled        whether to reconnect at all
 * @param deadline       the total time from the drop after which it gives up
 * @param initialBackoff the pause before the second attempt (the first is immediate)
 * @param maxBackoff     the longest pause between attempts
 * @param queueLimit     how many requests may wait for the reconnection; further ones fail at once
 * @param durableTimeout the durable handle timeout asked for (MS-SMB2 2.2.13.2.11 Timeout; 0 lets the server pick)
 */
public record ReconnectPolicy(boolean enabled, Duration deadline, Duration initialBackoff, Duration maxBackoff, int queueLimit,
                              Duration durableTimeout) {
    private static final ReconnectPolicy OFF = new ReconnectPolicy(false, Duration.ZERO, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);

    /**
     * Checks the fields of an enabled policy; a disabled one is taken as it is.
     *
     * @throws IllegalArgumentException when enabled and the deadline is not positive, the backoff
     *     is negative or {@code maxBackoff < initialBackoff}, {@code queueLimit < 1}, or the durable
     *     timeout is outside 0..2<sup>32</sup>-1 ms
     */
    public ReconnectPolicy {
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(durableTimeout, "durableTimeout");
        if (enabled) {
            if (!deadline.isPositive()) {
                throw new IllegalArgumentException("reconnect deadline " + deadline + " must be positive");
            }
            if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("backoff " + initialBackoff + ".." + maxBackoff + " must be non-negative and ordered");
            }
            if (queueLimit < 1) {
                throw new IllegalArgumentException("queueLimit " + queueLimit + " must be at least 1");
            }
            if (durableTimeout.isNegative() || durableTimeout.toMillis() > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("durableTimeout " + durableTimeout + " outside 0..2^32-1 ms");
            }
        }
    }

    /**
     * No reconnection: a drop fails everything (the default).
     *
     * @return the disabled policy
     */
    public static ReconnectPolicy off() {
        return OFF;
    }

    /**
     * Reconnect for up to {@code deadline}, backoff 100 ms doubling to 5 s, 1024 queued requests, 60 s durable timeout.
     *
     * @param deadline the total time from the drop after which it gives up; positive
     * @return an enabled policy
     */
    public static ReconnectPolicy on(Duration deadline) {
        return new ReconnectPolicy(true, deadline, Duration.ofMillis(100), Duration.ofSeconds(5), 1024, Duration.ofSeconds(60));
    }

    /**
     * This policy with another backoff.
     *
     * @param initial the pause before the second attempt; not negative
     * @param max the longest pause between attempts; not below {@code initial}
     * @return a new policy
     */
    public ReconnectPolicy backoff(Duration initial, Duration max) {
        return new ReconnectPolicy(enabled, deadline, initial, max, queueLimit, durableTimeout);
    }

    /**
     * This policy with another queue limit.
     *
     * @param limit how many requests may wait for the reconnection; at least 1
     * @return a new policy
     */
    public ReconnectPolicy queueLimit(int limit) {
        return new ReconnectPolicy(enabled, deadline, initialBackoff, maxBackoff, limit, durableTimeout);
    }

    /**
     * The pause before an attempt: none before the first, then {@code initialBackoff} doubling
     * with each attempt up to {@code maxBackoff}.
     *
     * @param attempt the attempt's number, 0-based
     * @return the pause, at millisecond precision
     */
    public Duration pauseBefore(int attempt) {
        if (attempt == 0) {
            return Duration.ZERO;
        }
        long ms = initialBackoff.toMillis() << Math.min(20, attempt - 1);
        return Duration.ofMillis(Math.min(ms, maxBackoff.toMillis()));
    }
}
