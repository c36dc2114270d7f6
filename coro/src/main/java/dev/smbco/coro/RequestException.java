package dev.smbco.coro;

/**
 * Base of the exceptions the request machinery itself raises (timeouts, cancellation, wrapped
 * checked failures). Unchecked, so {@link Request#recv()} and {@link Request#await()} need no
 * {@code throws} clause.
 */
public class RequestException extends RuntimeException {

    /**
     * With a message.
     *
     * @param message what went wrong
     */
    public RequestException(String message) {
        super(message);
    }

    /**
     * With a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public RequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
