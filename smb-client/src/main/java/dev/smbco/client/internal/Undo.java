package dev.smbco.client.internal;

import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Smb2Request;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the request that undoes a late success ({@link dev.smbco.client.engine.LateSuccess}):
 * fire-and-forget, yet with a deadline like every request, and no undo of its own. Its outcome
 * goes to nobody; a failure is logged at debug (the server drops the state with the session or
 * the connection anyway).
 */
public final class Undo {
    private static final Logger log = LoggerFactory.getLogger(Undo.class);

    private Undo() {
    }

    /** Sends {@code body} along {@code route}; {@code what} names it in logs, e.g. {@code CLOSE (undo) \\host\share\a.txt}. */
    public static void send(Sender sender, Smb2Request body, Route route, String what, Duration timeout) {
        Request<Void> r = sender.send(body, route, what, null, timeout, null, (header, b) -> null);
        r.onDone(done -> {
            if (done.state() == RequestState.DONE) {
                log.debug("{}: done", what);
            } else {
                log.debug("{}: ended {}: {}", what, done.state(), done.failure() == null ? "" : done.failure().getMessage());
            }
        });
    }
}
