package dev.smbco.client;

import dev.smbco.coro.RequestTimeoutException;

/**
 * An SMB request had no response by its deadline (the configured request timeout, or a shorter
 * one for ECHO, or the caller's own {@code withTimeout}). The request ends TIMED_OUT with this
 * exception; if the server had already gone async on it, an SMB2 CANCEL is sent, and a late
 * response is consumed quietly. The connection itself stays up.
 */
public class SmbTimeoutException extends RequestTimeoutException {
    /**
     * With a message.
     *
     * @param message what timed out, and after how long
     */
    public SmbTimeoutException(String message) {
        super(message);
    }
}
