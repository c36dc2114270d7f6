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
 * writer goes on. A failed WRITE surfaces as an {@link IOException} from a later write, {@link
 * #flush()} or {@link #close()}. Not thread-safe; not for event-loop threads. Closing it waits for
 * every WRITE (the file stays open).
 */
final class SmbOutputStream extends OutputStream {
    private final SmbFile file;
    private final int chunk;
    private final int depth;
    private final ArrayDeque<Request<Long>> behind = new ArrayDeque<>();
    private long offset;
    private ByteBuf buffer;
    private boolean closed;

    SmbOutputStream(SmbFile file, long offset) {
        this.file = file;
        this.chunk = Math.min(file.maxWriteSize(), 1024 * 1024);
        this.depth = file.tree().config().transferDepth();
        this.offset = offset;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (closed) {
            throw new IOException("stream closed");
        }
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

    /** Sends the gathered chunk; waits for the oldest WRITE when {@code depth} are in flight. */
    private void send() throws IOException {
        if (buffer == null || !buffer.isReadable()) {
            return;
        }
        while (behind.size() >= depth) {
            await(behind.poll());
        }
        try {
            behind.add(file.writeSend(offset, buffer));
            offset += buffer.readableBytes();
        } finally {
            buffer.release();
            buffer = null;
        }
    }

    private static void await(Request<Long> r) throws IOException {
        try {
            r.await();
        } catch (SmbException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Sends what is gathered and waits until every WRITE is acknowledged. */
    @Override
    public void flush() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        send();
        while (!behind.isEmpty()) {
            await(behind.poll());
        }
    }

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
