package dev.smbco.client;

import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;

/**
 * A blocking {@link InputStream} over an {@link SmbFile} with read-ahead: it keeps up to
 * {@code transferDepth} READs of up to 1 MiB in flight ahead of the reader. Not thread-safe; must
 * not be used on an event-loop thread. Closing it releases what was read ahead (the file stays open).
 *
 * <p>Failures are {@link SmbIOException}s (never an unchecked exception). A failed READ breaks the
 * stream for good: every later read throws, naming the first failure, so the bytes a caller got are
 * always a gap-free prefix of the file.
 */
final class SmbInputStream extends InputStream {
    /** Where the bytes come from: {@link SmbFile#readSend} (a seam for unit tests). */
    @FunctionalInterface
    interface Source {
        /** Reads up to {@code length} bytes at {@code offset}; fewer only at the end. The caller releases the buffer. */
        Request<ByteBuf> readSend(long offset, int length);
    }

    private final Source file;
    private final int chunk;
    private final int depth;
    private final ArrayDeque<Request<ByteBuf>> ahead = new ArrayDeque<>();
    private long nextOffset;
    private ByteBuf current;
    private boolean eof;
    private boolean closed;
    private SmbIOException broken;

    SmbInputStream(SmbFile file, long offset) {
        this(file::readSend, offset, Math.min(file.maxReadSize(), 1024 * 1024), file.tree().config().transferDepth());
    }

    SmbInputStream(Source source, long offset, int chunk, int depth) {
        this.file = source;
        this.chunk = chunk;
        this.depth = depth;
        this.nextOffset = offset;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        usable();
        if (len == 0) {
            return 0;
        }
        while (current == null || !current.isReadable()) {
            if (eof) {
                return -1;
            }
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        return n;
    }

    @Override
    public int available() throws IOException {
        usable();
        return current == null ? 0 : current.readableBytes();
    }

    private void usable() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (broken != null) {
            throw SmbIOException.broken(broken);
        }
    }

    /** Takes the next read-ahead chunk; false at end of file. */
    private boolean fill() throws IOException {
        if (current != null) {
            current.release();
            current = null;
        }
        try {
            while (ahead.size() < depth) {
                ahead.add(file.readSend(nextOffset, chunk));
                nextOffset += chunk;
            }
            current = ahead.poll().await();
        } catch (RuntimeException e) {
            // SmbException, SmbTimeoutException, a cancellation, a loop that is shut down: all end the stream
            broken = SmbIOException.of(e);
            releaseAhead();
            throw broken;
        }
        if (current.readableBytes() < chunk) {
            eof = true; // short although continued up to the known end: nothing follows
            return current.isReadable();
        }
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (current != null) {
            current.release();
            current = null;
        }
        releaseAhead();
    }

    /** Lets go of every read-ahead request, releasing what they deliver. */
    private void releaseAhead() {
        for (Request<ByteBuf> r : ahead) {
            r.onDone(x -> {
                if (x.state() == RequestState.DONE) {
                    x.recv().release();
                }
            });
        }
        ahead.clear();
    }
}
