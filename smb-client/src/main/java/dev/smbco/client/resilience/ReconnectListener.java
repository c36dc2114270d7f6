package dev.smbco.client.resilience;

/**
 * Hears what a connection's reconnection does ({@code SmbConnection.onReconnect}). Called on the
 * connection's event loop: do not block.
 */
public interface ReconnectListener {
    /** The connection dropped and reconnecting starts ({@code cause} says why it dropped). */
    default void lost(String peer, Throwable cause) {
    }

    /** A new connection carries the sessions, trees and reopened handles; {@code attempts} it took. */
    default void reconnected(String peer, int attempts) {
    }

    /** The deadline passed (or reconnecting cannot succeed): everything waiting failed with {@code cause}. */
    default void gaveUp(String peer, Throwable cause) {
    }
}
