package dev.smbco.nio;

import dev.smbco.client.FileIndex;
import dev.smbco.client.LockRange;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbStatusException;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestException;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileLock;
import java.nio.channels.NonReadableChannelException;
import java.nio.channels.NonWritableChannelException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link AsynchronousFileChannel} over one open {@link SmbFile}: each read is one READ (at most
 * {@link SmbByteChannel#MAX_READ} bytes), each write one WRITE of the buffer's remaining bytes, sent
 * at once and completed from the client's event loop; completion handlers run on the executor
 * given to {@code newAsynchronousFileChannel}, else on a virtual thread each. Locks are SMB2
 * byte-range locks (MS-SMB2 3.2.4.19), mandatory on the server as on Windows; a range that
 * overlaps one held or pending through the same file system is an OverlappingFileLockException
 * ({@link LockTable}), as on the JDK's default file system. Failures are the
 * JDK's exceptions naming the path, with the client's typed exception as the cause.
 */
final class SmbAsyncChannel extends AsynchronousFileChannel {
    private static final ExecutorService VIRTUAL = Executors.newVirtualThreadPerTaskExecutor();

    private final ChannelHandle handle;
    private final SmbPath path;
    private final SmbFile file;
    private final boolean readable;
    private final boolean writable;
    private final ExecutorService executor;
    /** The server's file id, the key of this file's ranges in the {@link LockTable}; queried at the first lock. */
    private volatile Long fileKey;

    SmbAsyncChannel(SmbPath path, SmbFile file, boolean readable, boolean writable, ExecutorService executor) {
        this.handle = new ChannelHandle(path, file);
        this.path = path;
        this.file = file;
        this.readable = readable;
        this.writable = writable;
        this.executor = executor != null ? executor : VIRTUAL;
    }

    @Override
    public <A> void read(ByteBuffer dst, long position, A attachment, CompletionHandler<Integer, ? super A> handler) {
        readTo(dst, position, outcome(attachment, handler));
    }

    @Override
    public Future<Integer> read(ByteBuffer dst, long position) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        readTo(dst, position, outcome(f));
        return f;
    }

    @Override
    public <A> void write(ByteBuffer src, long position, A attachment, CompletionHandler<Integer, ? super A> handler) {
        writeFrom(src, position, outcome(attachment, handler));
    }

    @Override
    public Future<Integer> write(ByteBuffer src, long position) {
        CompletableFuture<Integer> f = new CompletableFuture<>();
        writeFrom(src, position, outcome(f));
        return f;
    }

    private void readTo(ByteBuffer dst, long position, Outcome<Integer> done) {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position + " for " + path);
        }
        if (dst.isReadOnly()) {
            throw new IllegalArgumentException("read into a read-only buffer (" + path + ")");
        }
        if (!readable) {
            throw new NonReadableChannelException();
        }
        int want = Math.min(dst.remaining(), SmbByteChannel.MAX_READ);
        send(() -> file.readSend(position, want), want == 0 ? 0 : null, done, data -> {
            try {
                int n = data.readableBytes();
                if (n > 0) {
                    ByteBuffer into = dst.duplicate();
                    into.limit(into.position() + n);
                    data.getBytes(data.readerIndex(), into);
                    dst.position(dst.position() + n);
                }
                return n == 0 ? -1 : n;
            } finally {
                data.release();
            }
        });
    }

    /** The caller may not touch {@code src} until the write ends (the JDK's contract): the WRITE sends from it as it is. */
    private void writeFrom(ByteBuffer src, long position, Outcome<Integer> done) {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position + " for " + path);
        }
        if (!writable) {
            throw new NonWritableChannelException();
        }
        send(() -> {
            ByteBuf data = Unpooled.wrappedBuffer(src.duplicate()); // no copy of the payload
            return file.writeSend(position, data).onDone(x -> data.release());
        }, src.hasRemaining() ? null : 0, done, written -> {
            int n = (int) (long) written;
            src.position(src.position() + n);
            return n;
        });
    }

    /**
     * Sends one request and ends {@code done} with {@code result} of its value, or its failure as
     * the JDK's exception naming the path; on a closed channel fails with ClosedChannelException,
     * and with {@code nothingToDo} not null (an empty buffer) completes with it, sending nothing.
     */
    private <T, V> void send(Supplier<Request<T>> call, V nothingToDo, Outcome<V> done, Function<T, V> result) {
        if (!handle.isOpen()) {
            done.failed(new ClosedChannelException());
            return;
        }
        if (nothingToDo != null) {
            done.completed(nothingToDo);
            return;
        }
        Request<T> r;
        try {
            r = call.get();
        } catch (SmbException | RequestException e) {
            done.failed(Errors.map(e, path.toString(), null));
            return;
        }
        r.onDone(x -> {
            if (x.state() == RequestState.DONE) {
                done.completed(result.apply(x.recv()));
            } else {
                done.failed(x.failure() instanceof RuntimeException e ? Errors.map(e, path.toString(), null) : x.failure());
            }
        });
    }

    @Override
    public long size() throws IOException {
        return handle.size();
    }

    @Override
    public AsynchronousFileChannel truncate(long size) throws IOException {
        checkOpen();
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size + " for " + path);
        }
        if (!writable) {
            throw new NonWritableChannelException();
        }
        handle.shrinkTo(size);
        return this;
    }

    /** SMB2 FLUSH: the server writes what it holds of the file to its disk. */
    @Override
    public void force(boolean metaData) throws IOException {
        checkOpen();
        Errors.io(path, () -> file.flushSend().await());
    }

    @Override
    public <A> void lock(long position, long size, boolean shared, A attachment, CompletionHandler<FileLock, ? super A> handler) {
        lockAt(position, size, shared, false, outcome(attachment, handler));
    }

    @Override
    public Future<FileLock> lock(long position, long size, boolean shared) {
        CompletableFuture<FileLock> f = new CompletableFuture<>();
        lockAt(position, size, shared, false, outcome(f));
        return f;
    }

    /** SMB2 LOCK with FAIL_IMMEDIATELY: null when another client holds a conflicting range. */
    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        checkOpen();
        LockRange range = range(position, size, shared);
        long key = fileKey();
        LockTable.Entry held = locks().reserve(key, this, position, size);
        try {
            file.lock(range, true);
        } catch (SmbException e) {
            locks().remove(key, held);
            if (e instanceof SmbStatusException s && s.status() == NtStatus.STATUS_LOCK_NOT_GRANTED) {
                return null;
            }
            throw Errors.map(e, path.toString(), null);
        } catch (RuntimeException e) {
            locks().remove(key, held);
            throw e;
        }
        return new SmbLock(range, key, held);
    }

    private void lockAt(long position, long size, boolean shared, boolean failImmediately, Outcome<FileLock> done) {
        LockRange range = range(position, size, shared);
        if (!handle.isOpen()) {
            done.failed(new ClosedChannelException());
            return;
        }
        long key;
        try {
            key = fileKey();
        } catch (IOException e) {
            done.failed(e);
            return;
        }
        LockTable.Entry held = locks().reserve(key, this, position, size); // OverlappingFileLockException at once
        Outcome<FileLock> forgetOnFailure = new Outcome<>() {
            @Override
            public void completed(FileLock lock) {
                done.completed(lock);
            }

            @Override
            public void failed(Throwable t) {
                locks().remove(key, held);
                done.failed(t);
            }
        };
        send(() -> file.lockSend(range, failImmediately), null, forgetOnFailure, locked -> new SmbLock(range, key, held));
    }

    private LockTable locks() {
        return path.getFileSystem().locks();
    }

    /** The server's file id of this open (one QUERY_INFO the first time), which names the file whatever its path. */
    private long fileKey() throws IOException {
        Long k = fileKey;
        if (k == null) {
            k = Errors.io(path, () -> FileIndex.query(file));
            fileKey = k;
        }
        return k;
    }

    private LockRange range(long position, long size, boolean shared) {
        if (position < 0 || size < 0 || position + size < 0) {
            throw new IllegalArgumentException("lock range " + position + "+" + size + " is not valid (" + path + ")");
        }
        if (shared && !readable) {
            throw new NonReadableChannelException();
        }
        if (!shared && !writable) {
            throw new NonWritableChannelException();
        }
        return shared ? LockRange.shared(position, size) : LockRange.exclusive(position, size);
    }

    @Override
    public boolean isOpen() {
        return handle.isOpen();
    }

    /** Closes the handle, which unlocks its ranges; operations still pending end as the server answers them, or fail. */
    @Override
    public void close() throws IOException {
        try {
            handle.close();
        } finally {
            Long k = fileKey;
            if (k != null) {
                locks().removeAll(k, this);
            }
        }
    }

    private void checkOpen() throws ClosedChannelException {
        handle.checkOpen();
    }

    /** How one operation's end reaches its caller: a completion handler on the executor, or a future. */
    private interface Outcome<V> {
        void completed(V value);

        void failed(Throwable t);
    }

    private <V, A> Outcome<V> outcome(A attachment, CompletionHandler<V, ? super A> handler) {
        Objects.requireNonNull(handler, "handler");
        return new Outcome<>() {
            @Override
            public void completed(V value) {
                dispatch(() -> handler.completed(value, attachment));
            }

            @Override
            public void failed(Throwable t) {
                dispatch(() -> handler.failed(t, attachment));
            }
        };
    }

    private static <V> Outcome<V> outcome(CompletableFuture<V> f) {
        return new Outcome<>() {
            @Override
            public void completed(V value) {
                f.complete(value);
            }

            @Override
            public void failed(Throwable t) {
                f.completeExceptionally(t);
            }
        };
    }

    private void dispatch(Runnable task) {
        executor.execute(task);
    }

    /** An SMB2 byte-range lock held through this channel; {@link #release()} unlocks it. */
    private final class SmbLock extends FileLock {
        private final LockRange range;
        private final long key;
        private final LockTable.Entry held;
        private volatile boolean valid = true;

        SmbLock(LockRange range, long key, LockTable.Entry held) {
            super(SmbAsyncChannel.this, range.offset(), range.length(), !range.exclusive());
            this.range = range;
            this.key = key;
            this.held = held;
        }

        @Override
        public boolean isValid() {
            return valid && SmbAsyncChannel.this.isOpen();
        }

        /** As the JDK's: ClosedChannelException once the channel is closed, even for a lock released already. */
        @Override
        public void release() throws IOException {
            if (!SmbAsyncChannel.this.isOpen()) {
                throw new ClosedChannelException();
            }
            if (!valid) {
                return;
            }
            valid = false;
            try {
                Errors.io(path, () -> {
                    file.unlock(range);
                    return null;
                });
            } finally {
                locks().remove(key, held);
            }
        }
    }
}
