package dev.smbco.client;

import dev.smbco.coro.Request;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;

/**
 * A blocking {@link OutputStream} into an {@link SmbFile} with write-behind: bytes are gathered
 * into chunks of the negotiated write size; up to {@code transferDepth} WRITEs travel while the
 * writer goes on. Not thread-safe; not for event-loop threads. Closing it waits for every WRITE
 * (the file stays open).
 *
 * <p>A failed WRITE (or one the server did not take whole) surfaces as an {@link SmbIOException}
 * from a later write, {@link #flush()} or {@link #close()}, and breaks the stream for good: every
 * later call throws, naming the first failure. Only a {@code flush()} or {@code close()} that
 * returned normally proves every byte before it is on the server.
 */
final class SmbOutputStream extends OutputStream {
    /** Where the bytes go: {@link SmbFile#writeSend} (a seam for unit tests). */
    @FunctionalInterface
    interface Sink {
        /** Writes {@code data}'s readable bytes at {@code offset} (not released or moved); completes with their count. */
        Request<Long> writeSend(long offset, ByteBuf data);
    }

    private final Sink file;
    private final String name;
    private final int chunk;
    private final int depth;
    /** WRITEs in flight, oldest first, with the byte count each must acknowledge. */
    private final ArrayDeque<Request<Long>> behind = new ArrayDeque<>();
    private final ArrayDeque<Integer> lengths = new ArrayDeque<>();
    private long offset;
    private ByteBuf buffer;
    private boolean closed;
    private SmbIOException broken;

    SmbOutputStream(SmbFile file, long offset) {
        this(file::writeSend, file.unc(), offset, Math.min(file.maxWriteSize(), 1024 * 1024), file.tree().config().transferDepth());
    }

    SmbOutputStream(Sink sink, String name, long offset, int chunk, int depth) {
        this.file = sink;
        this.name = name;
        this.chunk = chunk;
        this.depth = depth;
        this.offset = offset;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        usable();
        while (len > 0) {
            if (buffer == null) {
                buffer = ByteBufAllocator.DEFAULT.heapBuffer(chunk, chunk);
            }
            int n = Math.min(len, buffer.writableBytes());
            buffer.writeBytes(b, off, n);
            off += n;
            len -= n;
            if (!buffer.isWritable()) {
                send();
            }
        }
    }

    private void usable() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (broken != null) {
            throw SmbIOException.broken(broken);
        }
    }

    /** Sends the gathered chunk; waits for the oldest WRITE when {@code depth} are in flight. */
    private void send() throws IOException {
        if (buffer == null || !buffer.isReadable()) {
            return;
        }
        while (behind.size() >= depth) {
            awaitOldest();
        }
        int n = buffer.readableBytes();
        try {
            behind.add(file.writeSend(offset, buffer));
            lengths.add(n);
            offset += n;
        } catch (RuntimeException e) {
            throw breakWith(e);
        } finally {
            buffer.release();
            buffer = null;
        }
    }

    /** Waits for the oldest WRITE; it must have taken all of its bytes. */
    private void awaitOldest() throws IOException {
        Request<Long> r = behind.poll();
        int expected = lengths.poll();
        long count;
        try {
            count = r.await();
        } catch (RuntimeException e) {
            throw breakWith(e);
        }
        if (count != expected) { // SmbFile.writeSend continues short WRITEs; a mismatch here is a bug
            throw breakWith(new SmbException("WRITE " + name + ": the server took " + count + " of " + expected + " bytes"));
        }
    }

    private SmbIOException breakWith(RuntimeException e) {
        broken = SmbIOException.of(e);
        behind.clear(); // what is still in flight ends on its own; nothing of it can be trusted now
        lengths.clear();
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
        return broken;
    }

    /** Sends what is gathered and waits until every WRITE is acknowledged. */
    @Override
    public void flush() throws IOException {
        usable();
        send();
        while (!behind.isEmpty()) {
            awaitOldest();
        }
    }

    /** Flushes and closes; a stream broken earlier throws its failure here too (once), after letting go of its buffer. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            flush();
        } finally {
            closed = true;
            if (buffer != null) {
                buffer.release();
                buffer = null;
            }
        }
    }
}
