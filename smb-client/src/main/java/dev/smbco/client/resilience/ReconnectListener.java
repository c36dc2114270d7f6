package dev.smbco.client.resilience;

/**
 * Hears what a connection's reconnection does ({@code SmbConnection.onReconnect}). Called on the
 * connection's event loop: do not block.
 */
public interface ReconnectListener {
    /**
     * The connection dropped and reconnecting starts.
     *
     * @param peer the server, as {@code host:port}
     * @param cause why it dropped
     */
    default void lost(String peer, Throwable cause) {
    }

    /**
     * A new connection carries the sessions, trees and reopened handles.
     *
     * @param peer the server, as {@code host:port}
     * @param attempts how many connection attempts it took, at least 1
     */
    default void reconnected(String peer, int attempts) {
    }

    /**
     * The deadline passed (or reconnecting cannot succeed): everything waiting failed.
     *
     * @param peer the server, as {@code host:port}
     * @param cause what the waiting requests failed with
     */
    default void gaveUp(String peer, Throwable cause) {
    }
}
