package dev.smbco.client;

/**
 * What an {@link SmbConnection} is doing, as {@link SmbConnection#state()} tells it. The states
 * go UP → RECONNECTING → UP any number of times (only with a reconnect policy, {@code
 * SmbConfig.reconnect}), and end in CLOSED, which is final.
 */
public enum ConnectionState {
    /** Negotiated and carrying requests. */
    UP,
    /**
     * The TCP connection dropped and the client is re-establishing it, its sessions, trees and
     * durable handles; new requests wait (bounded by the policy's queue limit). From the drop until
     * the reconnection succeeds (UP) or gives up (CLOSED), including while the new TCP connection
     * exists but is still being negotiated and authenticated.
     */
    RECONNECTING,
    /**
     * Gone for good: closed by the client, dropped without a reconnect policy, or the reconnection
     * gave up (its deadline passed, or the server refused what cannot be retried: a downgrade,
     * the credentials). Every request on it fails with {@link SmbConnectionLostException}.
     */
    CLOSED
}
