package dev.smbco.coro;

/**
 * Where a {@link Request} stands. A request starts {@link #IN_PROGRESS} and leaves it exactly
 * once, for one of the four end states; it never changes again after that.
 */
public enum RequestState {
    /** Not ended yet; {@link Request#recv()} throws {@link IllegalStateException}. */
    IN_PROGRESS,
    /** Ended with a value. */
    DONE,
    /** Ended with a failure (any {@link Throwable}). */
    FAILED,
    /** Ended because its {@link Request#withTimeout(java.time.Duration) timeout} expired first. */
    TIMED_OUT,
    /** Ended because it was cancelled (its producer confirmed it with {@link Completer#cancelled()}). */
    CANCELLED;

    /**
     * Whether this is one of the end states.
     *
     * @return true for anything but {@link #IN_PROGRESS}
     */
    public boolean isEnded() {
        return this != IN_PROGRESS;
    }
}
