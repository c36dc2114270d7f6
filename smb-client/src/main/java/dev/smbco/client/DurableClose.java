package dev.smbco.client;

import dev.smbco.client.resilience.internal.Resend;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;

/**
 * The CLOSE of a durable handle on a connection that reconnects. A CLOSE lost with the connection
 * would otherwise leave the handle open on the server (disconnected, but held with its share
 * modes and lease) until the durable timeout: other clients would meet sharing violations for a
 * minute. So the file stays among the connection's opens until its CLOSE has an answer: the
 * reconnection reopens it like any other, and the CLOSE is sent again on the new handle
 * ({@link Resend}; CLOSE is idempotent on a handle the client still owns, MS-SMB2 3.2.4.1.1 lists
 * it among the requests safe to send again).
 *
 * <p>When the reconnection cannot reopen the handle, the server no longer holds it (it closed it
 * when our first CLOSE arrived, or dropped it at its timeout): a plain CLOSE has then done its
 * work and completes normally; a CLOSE that was to check the size fails with the
 * {@link SmbHandleLostException}, since the size can no longer be read from it.
 */
final class DurableClose {
    private DurableClose() {
    }

    /** Whether {@code file}'s CLOSE must go this way. */
    static boolean applies(SmbFile file) {
        return file.isDurable() && file.tree().config().reconnect().enabled();
    }

    /** Sends the CLOSE (checking the size when {@code expected >= 0}); the file leaves {@code opens} when it is answered. */
    static Request<Void> send(SmbFile file, long expected, Opens opens) {
        Request<Void> close = Resend.idempotent(file.loop(), Resend.tries(file.tree().config().reconnect()),
                replay -> SizeCheckedClose.send(file, expected)); // no REPLAY flag: Resend says why
        Completer<Void> done = Completer.create(file.loop());
        done.onCancel(close::cancel);
        close.onDone(r -> {
            opens.remove(file);
            if (r.state() == RequestState.DONE) {
                done.complete(null);
            } else if (r.state() == RequestState.CANCELLED) {
                done.cancelled();
            } else if (r.failure() instanceof SmbHandleLostException && expected < 0) {
                done.complete(null); // the server holds no such handle any more: nothing left to close
            } else {
                done.fail(r.failure());
            }
        });
        return done.request();
    }
}
