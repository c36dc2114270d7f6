package dev.smbco.hadoop;

import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestException;
import dev.smbco.coro.RequestState;
import io.netty.buffer.ByteBuf;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayDeque;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.FSInputStream;
import org.apache.hadoop.fs.FileSystem;

/**
 * A seekable stream over one open {@link SmbFile} (Hadoop's {@code Seekable} and
 * {@code PositionedReadable}). Sequential reading keeps READs in flight ahead of the reader: one
 * after an open or a seek (a Parquet reader jumping to a footer should not pull megabytes it never
 * reads), growing by one per chunk read in order up to {@code depth}. A seek inside what was read
 * ahead keeps it. Positioned reads go straight to the server and leave the stream as it was.
 * Closing the stream closes the file and releases everything read ahead.
 *
 * <p>Not thread-safe for the sequential calls (Hadoop's contract does not ask it); positioned reads
 * may run from any thread.
 */
final class SmbInputStream extends FSInputStream {
    /** One READ in flight: the range it asked for. */
    private record Chunk(long offset, int length, Request<ByteBuf> read) {
        long end() {
            return offset + length;
        }
    }

    private final SmbFile file;
    private final String name;
    /** Hadoop's per-scheme counters (Spark's input metrics read them), or null. */
    private final FileSystem.Statistics statistics;
    private final long size;
    private final int chunk;
    private final int depth;
    private final ArrayDeque<Chunk> ahead = new ArrayDeque<>();
    /** The chunk being read, its reader index at {@link #pos}; null when none. */
    private ByteBuf current;
    /** The file offset of {@link #current}'s first byte, and that byte's index in it. */
    private long currentOffset;
    private int currentBase;
    private long pos;
    /** How many READs to keep in flight now: 1 after a seek, growing while reading in order. */
    private int window = 1;
    private boolean closed;

    SmbInputStream(SmbFile file, String name, int depth, FileSystem.Statistics statistics) {
        this.file = file;
        this.name = name;
        this.statistics = statistics;
        this.size = file.size();
        this.chunk = Math.min(file.maxReadSize(), 1024 * 1024);
        this.depth = depth;
    }

    @Override
    public synchronized int read() throws IOException {
        open();
        if ((current == null || !current.isReadable()) && !fill()) {
            return -1;
        }
        pos++;
        counted(1);
        return current.readByte() & 0xFF;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        open();
        if (len == 0) {
            return 0;
        }
        if ((current == null || !current.isReadable()) && !fill()) {
            return -1;
        }
        int n = Math.min(len, current.readableBytes());
        current.readBytes(b, off, n);
        pos += n;
        counted(n);
        return n;
    }

    /** Makes {@link #current} hold the bytes at {@link #pos}; false at the end of the file. */
    private boolean fill() throws IOException {
        release();
        if (pos >= size) {
            return false;
        }
        while (!ahead.isEmpty() && ahead.peek().end() <= pos) {
            drop(ahead.poll());
        }
        if (!ahead.isEmpty() && ahead.peek().offset() > pos) {
            dropAhead();
        }
        long next = ahead.isEmpty() ? pos : ahead.peekLast().end();
        while (ahead.size() < window && next < size) {
            int length = (int) Math.min(chunk, size - next);
            ahead.add(new Chunk(next, length, file.readSend(next, length)));
            next += length;
        }
        Chunk head = ahead.poll();
        try {
            current = head.read().await();
        } catch (SmbException | RequestException e) {
            dropAhead();
            throw HadoopErrors.map(e, name);
        }
        window = Math.min(depth, window + 1);
        currentOffset = head.offset();
        currentBase = current.readerIndex();
        int skip = (int) (pos - head.offset());
        if (current.readableBytes() <= skip) {
            release(); // the file shrank since it was opened: what is left of it ends here
            return false;
        }
        current.skipBytes(skip);
        return true;
    }

    @Override
    public synchronized void seek(long target) throws IOException {
        open();
        if (target < 0) {
            throw new EOFException(FSExceptionMessages.NEGATIVE_SEEK + " " + target + ": " + name);
        }
        if (target > size) {
            throw new EOFException(FSExceptionMessages.CANNOT_SEEK_PAST_EOF + " " + target + ": " + name);
        }
        if (current != null) {
            long end = currentOffset + (current.writerIndex() - currentBase);
            if (target >= currentOffset && target < end) {
                current.readerIndex(currentBase + (int) (target - currentOffset));
                pos = target;
                return;
            }
        }
        release();
        pos = target;
        window = 1;
    }

    @Override
    public synchronized long getPos() throws IOException {
        return pos;
    }

    @Override
    public boolean seekToNewSource(long targetPos) {
        return false;
    }

    @Override
    public synchronized int available() throws IOException {
        open();
        return (int) Math.min(Integer.MAX_VALUE, Math.max(0, size - pos));
    }

    @Override
    public int read(long position, byte[] buffer, int offset, int length) throws IOException {
        validatePositionedReadArgs(position, buffer, offset, length);
        synchronized (this) {
            open();
        }
        if (length == 0) {
            return 0;
        }
        if (position >= size) {
            return -1;
        }
        ByteBuf data;
        try {
            data = file.readSend(position, (int) Math.min(length, size - position)).await();
        } catch (SmbException | RequestException e) {
            throw HadoopErrors.map(e, name);
        }
        try {
            int n = data.readableBytes();
            if (n == 0) {
                return -1;
            }
            data.readBytes(buffer, offset, n);
            counted(n);
            return n;
        } finally {
            data.release();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        release();
        dropAhead();
        try {
            file.close();
        } catch (SmbException | RequestException e) {
            // the bytes were read; a lost connection at CLOSE leaves nothing to undo here
        }
    }

    private void counted(int n) {
        if (statistics != null) {
            statistics.incrementBytesRead(n);
        }
    }

    private void open() throws IOException {
        if (closed) {
            throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + name);
        }
    }

    private void release() {
        if (current != null) {
            current.release();
            current = null;
        }
    }

    private void dropAhead() {
        while (!ahead.isEmpty()) {
            drop(ahead.poll());
        }
    }

    /** Lets go of a READ still in flight: whatever it delivers is released on arrival. */
    private static void drop(Chunk c) {
        c.read().onDone(r -> {
            if (r.state() == RequestState.DONE) {
                r.recv().release();
            }
        });
    }

    @Override
    public String toString() {
        return "SmbInputStream[" + name + " at " + pos + " of " + size + "]";
    }
}
