package dev.smbco.coro;

import java.lang.System.Logger.Level;

/**
 * Values delivered to nobody: a sub-request that completes after the coroutine awaiting it was
 * cancelled or timed out, a coroutine body's return value when its request had already ended, a
 * {@link Requests#first} loser. Such a value that is {@link AutoCloseable} (an open file, a
 * session) would otherwise never be closed; here it is closed, and a failure to close is reported
 * through System.Logger (DEBUG), since there is no caller left to tell.
 */
final class Unclaimed {
    private static final System.Logger LOG = System.getLogger(Unclaimed.class.getName());

    private Unclaimed() {}

    /**
     * Closes {@code value} if it is AutoCloseable, on a virtual thread of its own: closing may block
     * (send a request and wait for the reply) and this is typically called on the loop.
     */
    static void close(Object value) {
        if (value instanceof AutoCloseable c) {
            Thread.ofVirtual().name("coro-unclaimed").start(() -> closeHere(c));
        }
    }

    /** Closes {@code value} if it is AutoCloseable, on the calling thread (one that may block). */
    static void closeHere(Object value) {
        if (!(value instanceof AutoCloseable c)) {
            return;
        }
        try {
            c.close();
        } catch (Throwable e) {
            LOG.log(Level.DEBUG, "closing a value nobody received (" + c + ") failed", e);
        }
    }

    /** Once {@code r} ends: if it ended DONE, its value goes to nobody, so close it. */
    static void closeWhenDone(Request<?> r) {
        try {
            r.onDone(done -> {
                if (done.state() == RequestState.DONE) {
                    close(done.recv());
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.log(Level.DEBUG, "loop shut down; a value nobody received may stay open", e);
        }
    }
}
