package dev.smbco.client;

/**
 * A request was made on something this client had already closed: a file handle after {@code
 * closeSend()}, a tree after {@code disconnectSend()}, a session (or one of its trees and files)
 * after {@code logoffSend()}. It is a mistake in the calling code, reported locally: the request
 * fails at once with this exception and <em>nothing is sent</em>, so the connection and its other
 * sessions stay usable. (A connection that is gone fails its requests with {@link
 * SmbConnectionLostException} instead.) The message names the operation, the UNC path and what was
 * closed, e.g. {@code READ \\host\share\a.txt: the file handle is closed}.
 */
public class SmbClosedException extends SmbException {
    /**
     * With a message.
     *
     * @param message what was used after its close
     */
    public SmbClosedException(String message) {
        super(message);
    }
}
