package dev.smbco.client;

import dev.smbco.coro.Co;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;

/**
 * Whole-file download and upload as coroutines: the body keeps {@code transferDepth} READs or
 * WRITEs in flight and awaits the oldest, so the transfer streams while the code reads top to
 * bottom. Whatever is still in flight when the body fails is cancelled and its buffers released.
 */
final class Transfers {
    private Transfers() {
    }

    /** Where downloaded chunks go. */
    private interface Sink {
        void write(ByteBuf chunk) throws IOException;
    }

    /** Where uploaded bytes come from: fills {@code buf} up to its capacity; returns -1 at the end. */
    private interface Source {
        int read(ByteBuf buf, int max) throws IOException;
    }

    static Request<Long> download(SmbFile file, Path target, TransferListener listener) {
        return download(file, target, 0, listener);
    }

    /**
     * Downloads [from, end) into {@code target} at the same offsets: the local file is cut to
     * {@code from} bytes first (created if missing; with {@code from} 0 that is a truncation), its
     * first {@code from} bytes are kept. Completes with the file's full length.
     */
    static Request<Long> download(SmbFile file, Path target, long from, TransferListener listener) {
        return CompositeDeadline.bound(Coroutine.start(file.loop(), co -> {
            try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                if (ch.size() < from) {
                    throw new IOException(target + ": holds " + ch.size() + " bytes, cannot resume at " + from);
                }
                ch.truncate(from);
                ch.position(from);
                return download(co, file, from, chunk -> {
                    while (chunk.isReadable()) {
                        chunk.readBytes(ch, chunk.readableBytes());
                    }
                }, listener);
            }
        }), file.tree().config(), "download " + file.unc());
    }

    static Request<Long> download(SmbFile file, OutputStream out, TransferListener listener) {
        return CompositeDeadline.bound(Coroutine.start(file.loop(), co -> download(co, file, 0, chunk -> chunk.readBytes(out, chunk.readableBytes()),
                listener)), file.tree().config(), "download " + file.unc());
    }

    /**
     * Reads [from, size as of the open) with {@code depth} READs in flight, then keeps reading one
     * chunk at a time in case the file grew, until a short read says the end is reached. Progress
     * and the result count from offset 0 (the bytes before {@code from} count as done).
     */
    private static long download(Co co, SmbFile file, long from, Sink sink, TransferListener listener) throws IOException {
        long size = file.size();
        int depth = file.tree().config().transferDepth();
        ArrayDeque<Request<ByteBuf>> inFlight = new ArrayDeque<>();
        ArrayDeque<Integer> asked = new ArrayDeque<>();
        long next = from;
        long done = from;
        boolean ended = false;
        try {
            while (!ended) {
                int chunk = file.transferReadSize(); // asked each time: it shrinks while small requests share the connection
                while (inFlight.size() < depth && next < size) {
                    int n = (int) Math.min(chunk, size - next);
                    inFlight.add(file.readSend(next, n));
                    asked.add(n);
                    next += n;
                }
                if (inFlight.isEmpty()) {
                    inFlight.add(file.readSend(next, chunk)); // grown since the open?
                    asked.add(chunk);
                    next += chunk;
                    size = next;
                }
                // awaited while still in inFlight: if the coroutine is cancelled (its deadline passed)
                // while it waits, drain() cancels this READ too and releases a buffer that comes anyway
                ByteBuf b = co.await(inFlight.peek());
                inFlight.poll();
                int wanted = asked.poll();
                try {
                    int got = b.readableBytes();
                    sink.write(b);
                    done += got;
                    listener.progress(done, Math.max(size, done));
                    ended = got < wanted;
                } finally {
                    b.release();
                }
            }
            return done;
        } finally {
            drain(inFlight);
        }
    }

    static Request<Long> upload(SmbFile file, Path source, TransferListener listener) {
        return upload(file, source, 0, listener);
    }

    /**
     * Uploads the source's bytes from {@code from} on to the same offsets of the file; what the
     * file holds before {@code from} is kept. Completes with the full length (from + bytes sent).
     */
    static Request<Long> upload(SmbFile file, Path source, long from, TransferListener listener) {
        return CompositeDeadline.bound(Coroutine.start(file.loop(), co -> {
            try (FileChannel ch = FileChannel.open(source, StandardOpenOption.READ)) {
                ch.position(from);
                // straight from the file into direct buffers, no intermediate array
                return upload(co, file, from, (buf, max) -> buf.writeBytes(ch, max), ch.size(), listener);
            }
        }), file.tree().config(), "upload " + file.unc());
    }

    static Request<Long> upload(SmbFile file, InputStream in, long total, TransferListener listener) {
        return CompositeDeadline.bound(Coroutine.start(file.loop(), co -> upload(co, file, 0, (buf, max) -> buf.writeBytes(in, max), total,
                listener)), file.tree().config(), "upload " + file.unc());
    }

    /**
     * Writes with {@code depth} WRITEs in flight; each completes only once the server took all of
     * its bytes ({@link SplitWrite}), and the handle's CLOSE then checks the size the server holds
     * ({@link SmbFile#closeSend()}). The chunk buffers are reused: a buffer of a
     * WRITE that has completed is refilled once the engine has let go of it (reference count back
     * to ours alone), so an upload allocates {@code depth} buffers, not one per chunk (an 8 MiB
     * direct buffer is beyond the allocator's pools: zeroed and page-faulted each time).
     */
    private static long upload(Co co, SmbFile file, long from, Source in, long total, TransferListener listener) throws IOException {
        int depth = file.tree().config().transferDepth();
        ArrayDeque<Request<Long>> inFlight = new ArrayDeque<>();
        ArrayDeque<ByteBuf> buffers = new ArrayDeque<>(); // ours, one per WRITE in flight, same order
        ArrayDeque<ByteBuf> spare = new ArrayDeque<>();
        long offset = from;
        long acknowledged = from;
        boolean eof = false;
        try {
            while (!eof || !inFlight.isEmpty()) {
                while (!eof && inFlight.size() < depth) {
                    // asked each time: the size shrinks while small requests share the connection, and grows back
                    int chunk = file.transferWriteSize();
                    if (!spare.isEmpty() && spare.peek().capacity() < chunk) {
                        spare.poll().release();
                    }
                    ByteBuf buf = spare.isEmpty() ? ByteBufAllocator.DEFAULT.directBuffer(chunk) : spare.poll();
                    boolean queued = false;
                    try {
                        while (buf.writerIndex() < chunk) {
                            int n = in.read(buf, chunk - buf.writerIndex());
                            if (n < 0) {
                                eof = true;
                                break;
                            }
                        }
                        if (buf.isReadable()) {
                            inFlight.add(file.writeSend(offset, buf)); // retains what it needs
                            buffers.add(buf);
                            queued = true;
                            offset += buf.readableBytes();
                        }
                    } finally {
                        if (!queued) {
                            buf.release();
                        }
                    }
                }
                if (!inFlight.isEmpty()) {
                    acknowledged += co.await(inFlight.peek());
                    inFlight.poll();
                    ByteBuf done = buffers.poll();
                    if (done.refCnt() == 1) {
                        spare.add(done.clear());
                    } else {
                        done.release(); // still referenced by the engine: leave it to it
                    }
                    listener.progress(acknowledged, total);
                }
            }
            if (acknowledged != offset) { // cannot happen: every WRITE completes with all its bytes or fails
                throw new SmbException("WRITE " + file.unc() + ": server acknowledged " + acknowledged + " of " + offset + " bytes");
            }
            file.uploaded(acknowledged); // the CLOSE checks that the server holds them
            return acknowledged;
        } finally {
            drain(inFlight);
            buffers.forEach(ByteBuf::release);
            spare.forEach(ByteBuf::release);
        }
    }

    /** Cancels what is still in flight and releases any buffer that arrives anyway. */
    private static <T> void drain(ArrayDeque<Request<T>> inFlight) {
        for (Request<T> r : inFlight) {
            r.cancel();
            r.onDone(x -> {
                if (x.state() == RequestState.DONE && x.recv() instanceof ByteBuf b) {
                    b.release();
                }
            });
        }
        inFlight.clear();
    }
}
