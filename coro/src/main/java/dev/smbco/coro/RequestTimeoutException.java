package dev.smbco.coro;

/**
 * A request ended {@link RequestState#TIMED_OUT}: its {@link Request#withTimeout(java.time.Duration)
 * timeout} expired before it ended otherwise. Not final, so a client can throw a more specific
 * subclass through {@link Completer#timeoutException(java.util.function.Supplier)}.
 */
public class RequestTimeoutException extends RequestException {

    /**
     * With a message (the default one names the timeout's duration).
     *
     * @param message what timed out, and after how long
     */
    public RequestTimeoutException(String message) {
        super(message);
    }

    /**
     * With a message and a cause.
     *
     * @param message what timed out, and after how long
     * @param cause the underlying failure, or null
     */
    public RequestTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
