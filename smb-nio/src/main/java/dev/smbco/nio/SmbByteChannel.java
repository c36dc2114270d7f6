package dev.smbco.nio;

import dev.smbco.client.SmbFile;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A {@link SeekableByteChannel} over one open {@link SmbFile}: each read is one READ (at most
 * {@link #MAX_READ} bytes, split by the client as the server's limits require), each write one
 * WRITE of the whole buffer, both at the channel's position. {@link #size()} asks the server.
 * Not safe for concurrent use by several threads (like the JDK's contract leaves open for
 * position-dependent operations); closing it, or its file system, closes the handle.
 */
final class SmbByteChannel implements SeekableByteChannel {
    /** The most one {@link #read} asks for, so a huge buffer does not become one huge request. */
    static final int MAX_READ = 4 * 1024 * 1024;

    private final ChannelHandle handle;
    private final SmbPath path;
    private final SmbFile file;
    private final boolean readable;
    private final boolean writable;
    private final boolean append;
    private long position;
    /** The end of the file as appending sees it: the size at the open, moved by this channel's writes and truncates. */
    private long end;

    SmbByteChannel(SmbPath path, SmbFile file, boolean readable, boolean writable, boolean append) {
        this.handle = new ChannelHandle(path, file);
        this.path = path;
        this.file = file;
        this.readable = readable;
        this.writable = writable;
        this.append = append;
        this.end = file.size();
        this.position = append ? end : 0;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        checkOpen();
        if (!readable) {
            throw new NonReadableChannelException();
        }
        if (!dst.hasRemaining()) {
            return 0;
        }
        int want = Math.min(dst.remaining(), MAX_READ);
        ByteBuf data = Errors.io(path, () -> file.read(position, want));
        try {
            int n = data.readableBytes();
            if (n == 0) {
                return -1;
            }
            ByteBuffer into = dst.duplicate();
            into.limit(into.position() + n);
            data.readBytes(into);
            dst.position(into.position());
            position += n;
            return n;
        } finally {
            data.release();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        checkOpen();
        if (!writable) {
            throw new NonWritableChannelException();
        }
        int n = src.remaining();
        if (n == 0) {
            return 0;
        }
        if (append) {
            position = end;
        }
        long at = position;
        ByteBuf data = Unpooled.wrappedBuffer(src.duplicate());
        try {
            Errors.io(path, () -> file.write(at, data));
        } finally {
            data.release();
        }
        src.position(src.position() + n);
        position = at + n;
        end = Math.max(end, position);
        return n;
    }

    @Override
    public long position() throws IOException {
        checkOpen();
        return position;
    }

    @Override
    public SmbByteChannel position(long newPosition) throws IOException {
        checkOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition + " on " + path);
        }
        position = newPosition;
        return this;
    }

    /** The file's size as the server holds it now (one open for attributes and a close). */
    @Override
    public long size() throws IOException {
        return handle.size();
    }

    @Override
    public SmbByteChannel truncate(long size) throws IOException {
        checkOpen();
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + path);
        }
        if (!writable) {
            throw new NonWritableChannelException();
        }
        if (handle.shrinkTo(size)) {
            end = size;
        }
        position = Math.min(position, size);
        return this;
    }

    @Override
    public boolean isOpen() {
        return handle.isOpen();
    }

    @Override
    public void close() throws IOException {
        handle.close();
    }

    private void checkOpen() throws ClosedChannelException {
        handle.checkOpen();
    }
}
