package dev.smbco.client;

/**
 * An open file did not survive a reconnection: the server refused to reopen its durable handle
 * (the status is in the message, e.g. "durable handle could not be reopened
 * (STATUS_OBJECT_NAME_NOT_FOUND)"), or the handle was not durable. Every request on that file
 * fails with this; other files and the connection carry on. Nothing was sent.
 */
public class SmbHandleLostException extends SmbConnectionLostException {
    /** Why the handle is gone. */
    private final String reason;

    /**
     * A handle that could not be kept.
     *
     * @param reason why the handle is gone, also the message
     * @param cause what made reopening it fail, or null
     */
    public SmbHandleLostException(String reason, Throwable cause) {
        super(reason, false, cause);
        this.reason = reason;
    }

    /**
     * Why the handle is gone.
     *
     * @return e.g. "durable handle could not be reopened (STATUS_OBJECT_NAME_NOT_FOUND)"
     */
    public String reason() {
        return reason;
    }
}
