package dev.smbco.client;

import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.smb2.ReadRequest;
import dev.smbco.protocol.smb2.ReadResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * A read of any length: split into READs of at most {@link SmbFile#maxReadSize()} that travel
 * concurrently, each one continued when the server answers short.
 *
 * <p><b>Short answers.</b> MS-SMB2 3.3.5.12 lets a server return fewer bytes than asked (its
 * DataLength, 2.2.20); that is the end of the file only when the data reaches it. A READ whose
 * answer stops before the end of file as this client knows it ({@link SmbFile#knownEnd()}: the
 * size at the open, or further once this handle wrote further) is continued from exactly where it
 * stopped; an answer reaching that end, an empty answer or STATUS_END_OF_FILE ends it. So a short
 * READ is never taken for the end of a file, and reading a small file whole still costs one READ.
 *
 * <p><b>Credits.</b> A READ sized while the server granted more credits than it grants by the time
 * the READ is sent can never go ({@link SmbCreditShortfallException}): it is asked again for half
 * as much, down to 64 KiB (one credit, which always fits), and continued from there like a short
 * answer. Nothing of it was sent, so nothing is read twice.
 */
final class SplitRead {
    /** MS-ERREF STATUS_END_OF_FILE. */
    private static final int STATUS_END_OF_FILE = 0xC0000011;
    /** What one credit carries (MS-SMB2 3.1.5.2): the smallest piece a shortfall shrinks a READ to. */
    static final int ONE_CREDIT = 64 * 1024;

    private SplitRead() {
    }

    /** The caller releases the buffer the request completes with. */
    static Request<ByteBuf> start(SmbFile file, long offset, int length) {
        int max = file.maxReadSize();
        if (length <= max) {
            return chunk(file, offset, length);
        }
        List<Request<ByteBuf>> parts = new ArrayList<>();
        List<Integer> asked = new ArrayList<>();
        for (long done = 0; done < length; done += max) {
            int n = (int) Math.min(max, length - done);
            parts.add(chunk(file, offset + done, n));
            asked.add(n);
        }
        return assemble(file, parts, asked);
    }

    /** Exactly one READ (no continuation): what the server answered, empty at STATUS_END_OF_FILE. */
    private static Request<ByteBuf> single(SmbFile file, long offset, int length) {
        // a READ lost with the connection is sent again once the connection is back (Resend), with
        // the new ChannelSequence but without the REPLAY flag (Resend says why)
        return dev.smbco.client.resilience.internal.Resend.idempotent(file.loop(),
                dev.smbco.client.resilience.internal.Resend.tries(file.tree().config().reconnect()),
                replay -> file.tree().send(ReadRequest.of(file.fileId(), offset, length), file.path(), status -> status == STATUS_END_OF_FILE,
                        (header, body) -> header.status() == STATUS_END_OF_FILE ? Unpooled.EMPTY_BUFFER : ReadResponse.decode(body).data()));
    }

    /** One READ of at most the maximum size, continued after a short answer before the known end. */
    static Request<ByteBuf> chunk(SmbFile file, long offset, int length) {
        Continued c = new Continued(file, offset, length);
        c.step(0);
        return c.done.request();
    }

    /** The state of one continued READ; everything after {@link #step} runs on the loop. */
    private static final class Continued {
        private final SmbFile file;
        private final long offset;
        private final int length;
        private final Completer<ByteBuf> done;
        private volatile Request<ByteBuf> current;
        /** What arrived so far, once a short answer made a continuation necessary. */
        private CompositeByteBuf gathered;
        /** The most one READ asks for; halved after each credit shortfall. */
        private int cap = Integer.MAX_VALUE;

        Continued(SmbFile file, long offset, int length) {
            this.file = file;
            this.offset = offset;
            this.length = length;
            this.done = Completer.create(file.loop());
            done.onCancel(() -> current.cancel());
        }

        void step(int have) {
            int ask = Math.min(cap, length - have);
            Request<ByteBuf> r = single(file, offset + have, ask);
            current = r;
            r.onDone(x -> arrived(x, have, ask));
        }

        private void arrived(Request<ByteBuf> x, int have, int ask) {
            if (x.state() == RequestState.FAILED && x.failure() instanceof SmbCreditShortfallException && ask > ONE_CREDIT
                    && !done.request().isDone()) {
                cap = shrunk(ask);
                step(have); // never sent: ask again for less
                return;
            }
            if (x.state() != RequestState.DONE) {
                releaseGathered();
                if (x.state() == RequestState.CANCELLED) {
                    done.cancelled();
                } else {
                    done.fail(x.failure());
                }
                return;
            }
            ByteBuf b = x.recv();
            if (done.request().isDone()) { // ended meanwhile (cancelled, timed out by the caller)
                b.release();
                releaseGathered();
                return;
            }
            int n = b.readableBytes();
            if (n > ask) {
                b.release();
                releaseGathered();
                done.fail(new SmbProtocolException("READ " + file.unc() + ": asked for " + ask + " bytes at offset "
                        + (offset + have) + ", the server sent " + n));
                return;
            }
            int total = have + n;
            boolean end = n == 0 || total == length || offset + total >= file.knownEnd();
            if (end && gathered == null) {
                done.complete(b); // the usual case: one READ, no copy, no composite
                return;
            }
            if (gathered == null) {
                gathered = Unpooled.compositeBuffer();
            }
            gathered.addComponent(true, b);
            if (end) {
                CompositeByteBuf whole = gathered;
                gathered = null;
                if (!done.complete(whole)) {
                    whole.release();
                }
                return;
            }
            step(total); // a short answer (or a shrunk READ) before the end: continue exactly where it stopped
        }

        private void releaseGathered() {
            if (gathered != null) {
                gathered.release();
                gathered = null;
            }
        }
    }

    /** Half of {@code ask}, in whole credits, at least one credit's 64 KiB. */
    static int shrunk(int ask) {
        return Math.max(ONE_CREDIT, (ask / 2) / ONE_CREDIT * ONE_CREDIT);
    }

    /**
     * Joins the parts of a split read into one composite, in order, up to the first part that came
     * back short (each part has already continued up to the known end of file, so a short part is
     * the end). On any failure every part that did arrive is released.
     */
    private static Request<ByteBuf> assemble(SmbFile file, List<Request<ByteBuf>> parts, List<Integer> asked) {
        Completer<ByteBuf> c = Completer.create(file.loop());
        ByteBuf[] results = new ByteBuf[parts.size()];
        int[] pending = {parts.size()};
        Throwable[] failure = {null};
        c.onCancel(() -> {
            boolean any = false;
            for (Request<ByteBuf> p : parts) {
                any |= p.cancel();
            }
            return any;
        });
        for (int i = 0; i < parts.size(); i++) {
            int index = i;
            parts.get(i).onDone(r -> {
                if (r.state() == RequestState.DONE) {
                    results[index] = r.recv();
                } else if (failure[0] == null || failure[0] instanceof SmbConnectionLostException && !(r.failure() instanceof SmbConnectionLostException)) {
                    failure[0] = r.failure(); // the cause (a bad signature, say) over the other parts' "connection lost" it led to
                }
                if (--pending[0] > 0) {
                    return;
                }
                if (failure[0] != null || c.request().isDone()) {
                    for (ByteBuf b : results) {
                        if (b != null) {
                            b.release();
                        }
                    }
                    c.fail(failure[0] != null ? failure[0] : new IllegalStateException("ended"));
                    return;
                }
                CompositeByteBuf whole = Unpooled.compositeBuffer(results.length);
                boolean shortSeen = false;
                for (int k = 0; k < results.length; k++) {
                    ByteBuf b = results[k];
                    if (shortSeen) {
                        b.release();
                        continue;
                    }
                    shortSeen = b.readableBytes() < asked.get(k);
                    whole.addComponent(true, b);
                }
                if (!c.complete(whole)) {
                    whole.release();
                }
            });
        }
        return c.request();
    }
}
