package dev.smbco.coro;

/**
 * A request ended {@link RequestState#CANCELLED}, or a coroutine's {@link Co#await(Request)} was
 * woken because the coroutine's own request was cancelled.
 */
public final class RequestCancelledException extends RequestException {

    /**
     * With a message.
     *
     * @param message what was cancelled
     */
    public RequestCancelledException(String message) {
        super(message);
    }
}
