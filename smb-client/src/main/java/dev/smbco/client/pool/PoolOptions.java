package dev.smbco.client.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link SmbPool} keeps its connections.
 *
 * @param idleTimeout    a connection that the pool has not handed out for this long, and on which no
 *                       file opened through the pool is still open, is closed (default 60 s)
 * @param maxConnections at most this many connections (one per server); opening one more first
 *                       closes the least recently used connection that has no pooled file open, and
 *                       fails with {@link dev.smbco.client.SmbConnectException} when every one has
 *                       (default 64)
 */
public record PoolOptions(Duration idleTimeout, int maxConnections) {
    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException when {@code idleTimeout} is not positive or
     *     {@code maxConnections < 1}
     */
    public PoolOptions {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout " + idleTimeout + " must be positive");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections " + maxConnections + " must be at least 1");
        }
    }

    /**
     * 60 s idle timeout, at most 64 connections.
     *
     * @return the default options
     */
    public static PoolOptions defaults() {
        return new PoolOptions(Duration.ofSeconds(60), 64);
    }
}
