package dev.smbco.client.pool;

import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.coro.Requests;

/**
 * One pending connect, logon or tree connect that many callers wait for. Each caller gets a
 * request of its own that mirrors the shared one, so a caller that cancels or times out ends only
 * its own wait, never the work the others share.
 */
final class Shared<T> {
    private final Request<T> work;

    Shared(Request<T> work) {
        this.work = work;
    }

    /** A fresh request that ends as the shared work ends. */
    Request<T> join(Loop loop) {
        // cancelling ends this wait at once; the shared work goes on, and its value (a connection
        // others use) must never be seen as delivered to nobody and closed
        return Requests.follow(loop, work);
    }

    /** Whether the work ended without a result (failed, timed out, cancelled): the pool starts afresh. */
    boolean failed() {
        return work.isDone() && work.state() != RequestState.DONE;
    }

    /** Runs {@code action} with the result once the work has ended DONE (on the loop); nothing if it failed. */
    void whenDone(java.util.function.Consumer<T> action) {
        work.onDone(w -> {
            if (w.state() == RequestState.DONE) {
                action.accept(w.recv());
            }
        });
    }

    /** The result, or null while pending or when it failed. */
    T value() {
        return work.state() == RequestState.DONE ? work.recv() : null;
    }
}
