package dev.smbco.client;

/**
 * No SMB connection could be made: the host name does not resolve, the port refuses, or the
 * TCP connect did not finish within the connect timeout. Nothing was sent; safe to retry.
 */
public class SmbConnectException extends SmbException {
    /** Why, as one plain sentence, or null. */
    private final String reason;

    /**
     * A failed connect without a separate reason.
     *
     * @param message what failed, naming the server
     * @param cause the transport's exception, or null
     */
    public SmbConnectException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * A failed connect with the reason apart, for callers that show it on its own.
     *
     * @param message what failed, naming the server
     * @param reason why, as one plain sentence ("connection refused", "no route to host",
     *               "timed out after 30 s"), or null when the message says it all
     * @param cause the transport's exception, or null
     */
    public SmbConnectException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /**
     * Why the connect failed.
     *
     * @return one plain sentence (e.g. "connection refused"), or null if not known apart from the message
     */
    public String reason() {
        return reason;
    }
}
