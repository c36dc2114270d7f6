package dev.smbco.client;

/**
 * The connection a request travels on is gone (closed, reset, torn down after a protocol error,
 * or closed by the user). Every request pending on it, waiting for credits on it, or sent on it
 * later fails with this exception, exactly once.
 *
 * <p>{@link #wasSent()} keeps two cases apart: a request that was on the wire when the connection
 * went away has an unknown outcome (the server may have executed it), while a request that was
 * never sent is safe to retry on a new connection.
 */
public class SmbConnectionLostException extends SmbException {
    /** Whether the request had been written to the connection. */
    private final boolean sent;

    /**
     * A request that the connection's loss ended.
     *
     * @param message what was lost, naming the server
     * @param sent whether the request had been written to the connection
     * @param cause why the connection dropped, or null
     */
    public SmbConnectionLostException(String message, boolean sent, Throwable cause) {
        super(message + (sent ? " (request was sent; its outcome is unknown)" : " (request was never sent)"), cause);
        this.sent = sent;
    }

    /**
     * Whether the request had been written to the connection: then the server may have executed it,
     * and retrying a non-idempotent request may do it twice.
     *
     * @return true when it had been sent
     */
    public boolean wasSent() {
        return sent;
    }
}
