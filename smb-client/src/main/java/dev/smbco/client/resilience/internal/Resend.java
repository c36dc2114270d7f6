package dev.smbco.client.resilience.internal;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbHandleLostException;
import dev.smbco.client.resilience.ReconnectPolicy;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;

/**
 * Sends a request once more when the connection was lost under it and the connection reconnects:
 * a READ, a WRITE of the same bytes at the same offset, a CLOSE, a QUERY_INFO or a SET_INFO (not a
 * rename or hard link) through a handle the reconnection reopened, or a durable CREATE under the
 * same CreateGuid. Every sending after the drop carries the ChannelSequence of the new connection,
 * which orders it after whatever the lost one carried (MS-SMB2 3.3.5.2.10). {@link Attempt#send}
 * is told whether the sending is a replay, one whose earlier sending had left the client (its
 * outcome unknown); the caller decides whether it goes out with SMB2_FLAGS_REPLAY_OPERATION:
 * <ul>
 * <li>the CREATE does (on SMB 3.x), as a server recognises its CreateGuid only in a replay and
 * then answers with the open it already made (3.3.5.9.10);</li>
 * <li>the others do not. With a newer ChannelSequence a server treats a replay and a plain
 * request alike (3.3.5.2.10; the flag decides only at an equal ChannelSequence, a resend on
 * another channel of a multichannel session, which this client does not do). And with the flag,
 * Samba 4.17 lost the durable handle at a later reconnection in DurableThroughCutsTest (its DH2C
 * answered STATUS_OBJECT_NAME_NOT_FOUND): twice in a row before Recovery asked again on that
 * answer, and once more in a CI run with Recovery asking for the whole 5 s; not since without
 * the flag.</li>
 * </ul>
 * A resent WRITE's answer is checked by {@link ResentWrite}: all of it, or a typed mismatch.
 * A request that waited unsent is no replay. A handle that was not reopened, a request that
 * failed otherwise and the attempt after the last one fail as they are.
 */
public final class Resend {
    private Resend() {
    }

    /** How often a transfer part is sent at most under {@code policy}: once without reconnecting, else four times (three drops). */
    public static int tries(ReconnectPolicy policy) {
        return policy.enabled() ? 4 : 1;
    }

    /** One sending of the request; {@code replay} when an earlier sending was lost after it left the client. */
    @FunctionalInterface
    public interface Attempt<T> {
        Request<T> send(boolean replay);
    }

    /**
     * {@code send} once, and again (up to {@code tries} times in all) after each {@link
     * SmbConnectionLostException} that is not a lost handle; {@code tries == 1} is no retry at all.
     * {@code send} must build the request anew each time (the FileId may have changed).
     */
    public static <T> Request<T> idempotent(Loop loop, int tries, Attempt<T> send) {
        return idempotent(loop, tries, send, io.netty.util.ReferenceCountUtil::release);
    }

    /**
     * As {@link #idempotent(Loop, int, Attempt)}; {@code unclaimed} disposes of a value that
     * arrived after the request ended (cancelled, timed out): an open file nobody takes is closed.
     */
    public static <T> Request<T> idempotent(Loop loop, int tries, Attempt<T> send, java.util.function.Consumer<T> unclaimed) {
        if (tries <= 1) {
            return send.send(false);
        }
        Completer<T> c = Completer.create(loop);
        attempt(c, tries, send, false, unclaimed);
        return c.request();
    }

    private static <T> void attempt(Completer<T> c, int left, Attempt<T> send, boolean replay, java.util.function.Consumer<T> unclaimed) {
        Request<T> r = send.send(replay);
        c.onCancel(r::cancel);
        r.onDone(done -> {
            if (done.state() == RequestState.DONE) {
                T value = done.recv();
                if (!c.complete(value)) {
                    unclaimed.accept(value);
                }
                return;
            }
            Throwable f = done.failure();
            if (left > 1 && f instanceof SmbConnectionLostException && !(f instanceof SmbHandleLostException) && !c.request().isDone()) {
                // a replay once any sending may have reached the server, and from then on
                attempt(c, left - 1, send, replay || ((SmbConnectionLostException) f).wasSent(), unclaimed);
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
