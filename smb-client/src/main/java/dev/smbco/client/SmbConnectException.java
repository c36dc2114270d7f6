package dev.smbco.client;

/**
 * No SMB connection could be made: the host name does not resolve, the port refuses, or the
 * TCP connect did not finish within the connect timeout. Nothing was sent; safe to retry.
 */
public class SmbConnectException extends SmbException {
    public SmbConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
