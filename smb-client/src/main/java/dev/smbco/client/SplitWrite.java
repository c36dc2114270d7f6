package dev.smbco.client;

import dev.smbco.client.internal.OwnedWrite;
import dev.smbco.client.internal.Route;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.crypto.TailDigest;
import dev.smbco.protocol.smb2.WriteResponse;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * A write of any length: split into WRITEs of at most {@link SmbFile#maxWriteSize()} that travel
 * concurrently, each one continued until the server has taken every byte of it.
 *
 * <p><b>What the server took.</b> A WRITE response's Count (MS-SMB2 2.2.22) may be less than the
 * Length sent. The rest is then written again from exactly {@code offset + Count}; a Count of 0 is
 * a server that makes no progress and fails at once with {@link SmbNoProgressException} (never a
 * retry loop), a Count above the Length with {@link SmbProtocolException}. The request completes
 * with the whole length only when every byte was acknowledged, so adding up Counts can never hide
 * a gap. A WRITE sent again after a reconnection is the exception: its answer must be the whole
 * length, anything else fails with {@link SmbReplayMismatchException} ({@code ResentWrite} says why).
 *
 * <p><b>Credits.</b> A WRITE sized while the server granted more credits than it grants by the
 * time the WRITE is sent can never go ({@link SmbCreditShortfallException}): its bytes are sent
 * again in pieces of half the size, down to 64 KiB (one credit, which always fits), continued like
 * a short Count. Nothing of it was sent, so nothing is written twice.
 */
final class SplitWrite {
    /**
     * Signed WRITEs from this size on have their data digested on a virtual thread before they
     * are sent (AES-GMAC only, see {@link DigestedWrite}), leaving the event loop a few
     * microseconds of signing.
     */
    private static final int DIGEST_OFF_LOOP = 64 * 1024;

    private SplitWrite() {
    }

    /** Writes {@code data}'s readable bytes at {@code offset}; neither moves nor releases {@code data}. */
    static Request<Long> start(SmbFile file, long offset, ByteBuf data) {
        int max = file.maxWriteSize();
        int length = data.readableBytes();
        if (length <= max) {
            return chunk(file, offset, data.retainedSlice());
        }
        List<Request<Long>> parts = new ArrayList<>();
        for (int done = 0; done < length; done += max) {
            int n = Math.min(max, length - done);
            parts.add(chunk(file, offset + done, data.retainedSlice(data.readerIndex() + done, n)));
        }
        return all(file, parts, length);
    }

    /** One WRITE of {@code whole} (a retained slice, now owned here), continued after a short Count. */
    private static Request<Long> chunk(SmbFile file, long offset, ByteBuf whole) {
        Continued c = new Continued(file, offset, whole);
        c.step(0);
        return c.done.request();
    }

    /** The state of one continued WRITE; everything after {@link #step} runs on the loop. */
    private static final class Continued {
        private final SmbFile file;
        private final long offset;
        private final ByteBuf whole;
        private final int length;
        private final Completer<Long> done;
        private volatile Request<Long> current;
        /** The most one WRITE carries; halved after each credit shortfall. */
        private int cap = Integer.MAX_VALUE;

        Continued(SmbFile file, long offset, ByteBuf whole) {
            this.file = file;
            this.offset = offset;
            this.whole = whole;
            this.length = whole.readableBytes();
            this.done = Completer.create(file.loop());
            done.onCancel(() -> current.cancel());
        }

        void step(int have) {
            int ask = Math.min(cap, length - have);
            Request<Long> r = single(file, offset + have, whole.retainedSlice(whole.readerIndex() + have, ask));
            current = r;
            r.onDone(x -> acknowledged(x, have, ask));
        }

        private void acknowledged(Request<Long> x, int have, int ask) {
            if (x.state() == RequestState.FAILED && x.failure() instanceof SmbCreditShortfallException && ask > SplitRead.ONE_CREDIT
                    && !done.request().isDone()) {
                cap = SplitRead.shrunk(ask);
                step(have); // never sent: send the same bytes in smaller pieces
                return;
            }
            if (x.state() != RequestState.DONE) {
                whole.release();
                if (x.state() == RequestState.CANCELLED) {
                    done.cancelled();
                } else {
                    done.fail(x.failure());
                }
                return;
            }
            long count = x.recv();
            int rest = ask;
            long at = offset + have;
            if (count == 0 && rest > 0) {
                whole.release();
                done.fail(new SmbNoProgressException("WRITE " + file.unc() + ": server accepted no data at offset " + at
                        + " (0 of " + rest + " bytes)", at));
                return;
            }
            if (count < 0 || count > rest) {
                whole.release();
                done.fail(new SmbProtocolException("WRITE " + file.unc() + ": sent " + rest + " bytes at offset " + at
                        + ", the server says it wrote " + Integer.toUnsignedString((int) count)));
                return;
            }
            int total = have + (int) count;
            if (total < length && !done.request().isDone()) {
                step(total); // a short Count (or a shrunk WRITE): write the rest from exactly where it stopped
                return;
            }
            whole.release();
            if (total == length) {
                file.extendKnownEnd(offset + length);
                done.complete((long) length);
            }
        }
    }

    /** Completes with {@code length} once every part has; the first failure fails it. */
    private static Request<Long> all(SmbFile file, List<Request<Long>> parts, long length) {
        Completer<Long> c = Completer.create(file.loop());
        int[] pending = {parts.size()};
        c.onCancel(() -> {
            boolean any = false;
            for (Request<Long> p : parts) {
                any |= p.cancel();
            }
            return any;
        });
        for (Request<Long> p : parts) {
            p.onDone(r -> {
                if (c.request().isDone()) {
                    return; // the first failure (or the caller's cancel) decided already
                }
                if (r.state() == RequestState.CANCELLED) {
                    c.cancelled();
                } else if (r.state() != RequestState.DONE) {
                    c.fail(r.failure());
                } else if (--pending[0] == 0) {
                    c.complete(length);
                }
            });
        }
        return c.request();
    }

    /** Exactly one WRITE of {@code slice} (a retained slice, owned from here on); completes with the server's Count. */
    private static Request<Long> single(SmbFile file, long offset, ByteBuf slice) {
        int tries = dev.smbco.client.resilience.internal.Resend.tries(file.tree().config().reconnect());
        if (tries == 1) {
            return once(file, offset, slice);
        }
        // a WRITE lost with the connection is sent again (same bytes, same offset) once the
        // connection is back (Resend; no REPLAY flag, Resend says why); each sending owns a
        // reference of its own on the slice. The answer to a resend must be "all of it": anything
        // else is a SmbReplayMismatchException (ResentWrite), never continued like a short Count
        int length = slice.readableBytes();
        Request<Long> r = dev.smbco.client.resilience.internal.Resend.idempotent(file.loop(), tries, replay -> replay
                ? dev.smbco.client.resilience.internal.ResentWrite.checked(file.loop(), once(file, offset, slice.retain()), file.unc(), offset, length)
                : once(file, offset, slice.retain()));
        return r.onDone(done -> slice.release());
    }

    private static Request<Long> once(SmbFile file, long offset, ByteBuf slice) {
        Route route = file.tree().route();
        if (route.sign() && !route.encrypt() && route.security() != null && route.security().digestsTails()
                && slice.readableBytes() >= DIGEST_OFF_LOOP) {
            return DigestedWrite.start(file.loop(), route.security(), slice, file.tree().config().requestTimeout(),
                    (data, digest) -> send(file, offset, data, digest));
        }
        return send(file, offset, slice, null);
    }

    private static Request<Long> send(SmbFile file, long offset, ByteBuf slice, TailDigest digest) {
        return file.tree().send(new OwnedWrite(file.fileId(), offset, slice, digest), file.path(),
                (header, body) -> (long) WriteResponse.decode(body).count());
    }
}
