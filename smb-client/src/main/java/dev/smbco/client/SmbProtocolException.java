package dev.smbco.client;

/**
 * The server sent something this client cannot accept: a malformed or truncated frame, a bad
 * signature, an unencrypted reply where encryption is in force, no common dialect, a peer that
 * does not speak SMB2 at all. A protocol error fails the request and tears the connection down.
 */
public class SmbProtocolException extends SmbException {
    /**
     * With a message.
     *
     * @param message what went wrong
     */
    public SmbProtocolException(String message) {
        super(message);
    }

    /**
     * With a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public SmbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
