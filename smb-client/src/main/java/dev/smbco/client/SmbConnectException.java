package dev.smbco.client;

/**
 * No SMB connection could be made: the host name does not resolve, the port refuses, or the
 * TCP connect did not finish within the connect timeout. Nothing was sent; safe to retry.
 */
public class SmbConnectException extends SmbException {
    private final String reason;

    public SmbConnectException(String message, Throwable cause) {
        this(message, null, cause);
    }

    /**
     * @param reason why, as one plain sentence ("connection refused", "no route to host",
     *               "timed out after 30 s"), or null when the message says it all
     */
    public SmbConnectException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why, as one plain sentence (e.g. "connection refused"), or null if not known apart from the message. */
    public String reason() {
        return reason;
    }
}
