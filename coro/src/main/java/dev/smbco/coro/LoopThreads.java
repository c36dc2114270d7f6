package dev.smbco.coro;

/**
 * Marks the threads that run event loops.
 *
 * <p>Any thread that runs a {@link Loop} (the {@link SingleThreadLoop} thread, and the Netty
 * event-loop threads through smb-client's adapter) calls {@link #mark()} once, before it runs its
 * first task. {@link Request#await()} then refuses to block on <em>any</em> such thread, not
 * only on the thread of the request's own loop: blocking an event loop while waiting for an
 * event is the nested event loop the design forbids, and it deadlocks as soon as the awaited
 * event needs the blocked loop.
 */
public final class LoopThreads {

    private static final ThreadLocal<Boolean> MARK = new ThreadLocal<>();

    private LoopThreads() {}

    /** Marks the calling thread as a loop thread, for the rest of its life. */
    public static void mark() {
        MARK.set(Boolean.TRUE);
    }

    /**
     * Whether the calling thread has marked itself with {@link #mark()}.
     *
     * @return true on a thread that runs some loop
     */
    public static boolean isLoopThread() {
        return MARK.get() == Boolean.TRUE;
    }
}
