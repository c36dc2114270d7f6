package dev.smbco.coro;

/**
 * A handle on something that can be called off: a scheduled loop timer, for example.
 *
 * <p>{@link #cancel()} only says whether calling it off was still <em>possible</em>; it never
 * blocks and may be called from any thread, any number of times.
 */
@FunctionalInterface
public interface Cancellable {

    /**
     * Tries to call the thing off.
     *
     * @return {@code true} if it was still pending and will now not happen, {@code false} if it
     *     already happened, is happening, or was already called off
     */
    boolean cancel();
}
