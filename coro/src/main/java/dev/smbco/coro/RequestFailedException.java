package dev.smbco.coro;

/**
 * Wraps a <em>checked</em> failure when {@link Request#recv()} or {@link Request#await()} rethrows
 * it; the original is the {@link #getCause() cause} (and {@link Request#failure()}). Unchecked
 * failures are rethrown as they are, never wrapped.
 */
public final class RequestFailedException extends RequestException {

    /**
     * Wraps {@code cause}, taking over its message.
     *
     * @param cause the checked exception the request failed with
     */
    public RequestFailedException(Throwable cause) {
        super(String.valueOf(cause), cause);
    }
}
