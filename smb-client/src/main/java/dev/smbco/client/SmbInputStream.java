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
 */
final class SmbInputStream extends InputStream {
    private final SmbFile file;
    private final int chunk;
    private final int depth;
    private final ArrayDeque<Request<ByteBuf>> ahead = new ArrayDeque<>();
    private long nextOffset;
    private ByteBuf current;
    private boolean eof;
    private boolean closed;

    SmbInputStream(SmbFile file, long offset) {
        this.file = file;
        this.chunk = Math.min(file.maxReadSize(), 1024 * 1024);
        this.depth = file.tree().config().transferDepth();
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
        if (closed) {
            throw new IOException("stream closed");
        }
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

    /** Takes the next read-ahead chunk; false at end of file. */
    private boolean fill() throws IOException {
        if (current != null) {
            current.release();
            current = null;
        }
        while (ahead.size() < depth) {
            ahead.add(file.readSend(nextOffset, chunk));
            nextOffset += chunk;
        }
        try {
            current = ahead.poll().await();
        } catch (SmbException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (current.readableBytes() < chunk) {
            eof = true; // a short read: nothing follows
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
