package dev.smbco.client;

/**
 * An open file did not survive a reconnection: the server refused to reopen its durable handle
 * (the status is in the message, e.g. "durable handle could not be reopened
 * (STATUS_OBJECT_NAME_NOT_FOUND)"), or the handle was not durable. Every request on that file
 * fails with this; other files and the connection carry on. Nothing was sent.
 */
public class SmbHandleLostException extends SmbConnectionLostException {
    private final String reason;

    public SmbHandleLostException(String reason, Throwable cause) {
        super(reason, false, cause);
        this.reason = reason;
    }

    /** Why the handle is gone, e.g. "durable handle could not be reopened (STATUS_OBJECT_NAME_NOT_FOUND)". */
    public String reason() {
        return reason;
    }
}
