package dev.smbco.client;

import dev.smbco.client.engine.MessageSecurity;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.protocol.crypto.TailDigest;
import io.netty.buffer.ByteBuf;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A signed WRITE whose data is first digested on a virtual thread (the bulk of its AES-GMAC
 * signature, see {@code MessageSigner.digestTail}) and then sent, so that neither the event loop
 * nor the caller of {@code writeSend} does that work: {@code writeSend} still returns at once,
 * and an upload reads its next chunk while the last one is being digested.
 *
 * <p>Cancelling while the digest is being made ends the request CANCELLED and nothing is sent;
 * afterwards it cancels the WRITE itself. The data slice is released either way.
 */
final class DigestedWrite {
    /** Marks a request cancelled before its WRITE went out. */
    private static final Object CANCELLED = new Object();

    private DigestedWrite() {
    }

    /**
     * @param data    a retained slice of the data; ownership passes here
     * @param timeout the request's deadline, digest and WRITE together (like every request's);
     *                when it passes the WRITE, if sent, is cancelled
     * @param send    sends the WRITE with the data and its digest; takes over the slice
     */
    static Request<Long> start(Loop loop, MessageSecurity security, ByteBuf data, Duration timeout, WriteSender send) {
        Completer<Long> c = Completer.create(loop);
        AtomicReference<Object> sent = new AtomicReference<>(); // null while digesting, then the WRITE or CANCELLED
        c.timeoutException(() -> new SmbTimeoutException("WRITE: no response within " + timeout.toMillis() + " ms"));
        c.onCancel(() -> {
            Object before = sent.getAndUpdate(s -> s == null ? CANCELLED : s);
            if (before instanceof Request<?> write) {
                return write.cancel();
            }
            return before == null && c.cancelled();
        });
        c.request().withTimeout(timeout);
        try {
            Thread.ofVirtual().name("smbco-digest").start(() -> digestThenSend(c, sent, security, data, send));
        } catch (Throwable e) {
            data.release(); // no thread: nothing was digested, nothing sent
            c.fail(new SmbException("WRITE: cannot digest the data: " + e, e));
        }
        return c.request();
    }

    /** On the digest thread: any failure (an Error too) releases the data and fails the request, never strands it. */
    private static void digestThenSend(Completer<Long> c, AtomicReference<Object> sent, MessageSecurity security, ByteBuf data,
                                       WriteSender send) {
        TailDigest digest;
        try {
            digest = security.digestTail(data);
        } catch (Throwable e) {
            data.release();
            c.fail(e instanceof RuntimeException re ? re : new SmbException("WRITE: cannot digest the data: " + e, e));
            return;
        }
        // cancelled or timed out while we digested: nothing to send. The request's own state is
        // checked too: a deadline ends it before the cancel hook has marked `sent` (the hook runs
        // after the state change), and a WRITE sent then would land after its caller heard "timed out".
        if (sent.get() != null || c.request().isDone()) {
            data.release();
            return;
        }
        Request<Long> write;
        try {
            write = send.send(data, digest); // takes over the slice, even when it fails
        } catch (Throwable e) {
            c.fail(e instanceof RuntimeException re ? re : new SmbException("WRITE: cannot send: " + e, e));
            return;
        }
        if (!sent.compareAndSet(null, write) || c.request().isDone()) {
            write.cancel(); // cancelled or timed out just now
        }
        write.onDone(w -> {
            switch (w.state()) {
                case DONE -> c.complete(w.recv());
                case CANCELLED -> c.cancelled();
                default -> c.fail(w.failure());
            }
        });
    }

    /** Sends one WRITE of {@code data} (ownership passes) with its digest. */
    @FunctionalInterface
    interface WriteSender {
        Request<Long> send(ByteBuf data, TailDigest digest);
    }
}
