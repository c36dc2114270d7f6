package dev.smbco.client.resilience.internal;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbHandleLostException;
import dev.smbco.client.resilience.ReconnectPolicy;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import java.util.function.Supplier;

/**
 * Sends an idempotent request once more when the connection was lost under it and the connection
 * reconnects: a READ, or a WRITE of the same bytes at the same offset through a handle the
 * reconnection reopened. This is the transfer layer's retry, not MS-SMB2 replay (3.2.4.1.1 REPLAY
 * flag and channel sequence): the server sees an ordinary new request, which for these two is
 * safe (a WRITE may land twice with the same data). A handle that was not reopened, a request
 * that failed otherwise and the attempt after the last one fail as they are.
 */
public final class Resend {
    private Resend() {
    }

    /** How often a transfer part is sent at most under {@code policy}: once without reconnecting, else four times (three drops). */
    public static int tries(ReconnectPolicy policy) {
        return policy.enabled() ? 4 : 1;
    }

    /**
     * {@code send} once, and again (up to {@code tries} times in all) after each {@link
     * SmbConnectionLostException} that is not a lost handle; {@code tries == 1} is no retry at all.
     * {@code send} must build the request anew each time (the FileId may have changed).
     */
    public static <T> Request<T> idempotent(Loop loop, int tries, Supplier<Request<T>> send) {
        if (tries <= 1) {
            return send.get();
        }
        Completer<T> c = Completer.create(loop);
        attempt(c, tries, send);
        return c.request();
    }

    private static <T> void attempt(Completer<T> c, int left, Supplier<Request<T>> send) {
        Request<T> r = send.get();
        c.onCancel(r::cancel);
        r.onDone(done -> {
            if (done.state() == RequestState.DONE) {
                T value = done.recv();
                if (!c.complete(value)) {
                    io.netty.util.ReferenceCountUtil.release(value);
                }
                return;
            }
            Throwable f = done.failure();
            if (left > 1 && f instanceof SmbConnectionLostException && !(f instanceof SmbHandleLostException) && !c.request().isDone()) {
                attempt(c, left - 1, send);
                return;
            }
            if (done.state() == RequestState.CANCELLED) {
                c.cancelled();
            } else {
                c.fail(f);
            }
        });
    }
}
