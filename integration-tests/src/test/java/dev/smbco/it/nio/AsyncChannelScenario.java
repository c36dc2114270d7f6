package dev.smbco.it.nio;

import static java.nio.file.StandardOpenOption.APPEND;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.DELETE_ON_CLOSE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The {@link AsynchronousFileChannel} part of the java.nio contract ({@link FilesContract}): opening
 * with options, reads and writes at positions (futures and completion handlers), size, truncate,
 * force, byte-range locks, and every operation on a closed channel. A future's failure is logged as
 * its cause, the exception the caller sees from {@code get()} unwrapped.
 */
final class AsyncChannelScenario {
    private AsyncChannelScenario() {
    }

    static void run(Path root, Outcomes log) throws Exception {
        Path f = root.resolve("async.bin");
        Path missing = root.resolve("missing.bin");
        log.step("open a missing file", () -> opens(missing, READ));
        log.step("open a missing file for WRITE without CREATE", () -> opens(missing, WRITE));
        log.step("APPEND", () -> opens(f, CREATE, WRITE, APPEND));
        log.step("CREATE_NEW and write at 0", () -> {
            try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, CREATE_NEW, WRITE)) {
                return get(ch.write(text("0123456789"), 0)) + " " + ch.size();
            }
        });
        log.step("CREATE_NEW over an existing file", () -> opens(f, CREATE_NEW, WRITE));
        log.step("no options opens for reading", () -> {
            try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(f)) {
                return read(ch, 2, 4);
            }
        });
        try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, READ, WRITE)) {
            log.step("write past the end", () -> get(ch.write(text("abc"), 12)) + " " + ch.size());
            log.step("the hole reads as zeros", () -> Files.readAllBytes(f));
            log.step("write in the middle", () -> get(ch.write(text("XY"), 4)));
            log.step("read at positions", () -> read(ch, 0, 6) + "|" + read(ch, 12, 10) + "|" + read(ch, 15, 4)
                    + "|" + read(ch, 100, 4));
            log.step("read into an empty buffer", () -> get(ch.read(ByteBuffer.allocate(0), 0)));
            log.step("write an empty buffer", () -> get(ch.write(ByteBuffer.allocate(0), 3)) + " " + ch.size());
            log.step("write and read through completion handlers", () -> {
                int w = handled((a, h) -> ch.write(text("HANDLER"), 20, a, h));
                ByteBuffer dst = ByteBuffer.allocate(7);
                int r = handled((a, h) -> ch.read(dst, 20, a, h));
                return w + " " + r + " " + new String(dst.array(), StandardCharsets.UTF_8) + " " + ch.size();
            });
            log.step("buffer positions move by the bytes done", () -> {
                ByteBuffer src = text("..zz..");
                src.position(2).limit(4);
                int w = get(ch.write(src, 0));
                ByteBuffer dst = ByteBuffer.allocate(8);
                dst.position(3);
                int r = get(ch.read(dst, 0));
                return w + " " + src.position() + " " + r + " " + dst.position();
            });
            log.step("read at a negative position", () -> ch.read(ByteBuffer.allocate(1), -1));
            log.step("write at a negative position", () -> ch.write(ByteBuffer.allocate(1), -1));
            log.step("read into a read-only buffer", () -> ch.read(ByteBuffer.allocate(1).asReadOnlyBuffer(), 0));
            log.step("force", () -> {
                ch.force(true);
                return ch.size();
            });
            log.step("truncate", () -> ch.truncate(5).size());
            log.step("truncate never grows", () -> ch.truncate(100).size());
            log.step("negative truncate", () -> ch.truncate(-1));
            log.step("after truncate", () -> new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
        }
        try (AsynchronousFileChannel ro = AsynchronousFileChannel.open(f, READ);
                AsynchronousFileChannel wo = AsynchronousFileChannel.open(f, WRITE)) {
            log.step("write on a read-only channel", () -> ro.write(text("x"), 0));
            log.step("truncate a read-only channel", () -> ro.truncate(1));
            log.step("read on a write-only channel", () -> wo.read(ByteBuffer.allocate(1), 0));
            log.step("exclusive lock on a read-only channel", () -> ro.lock(0, 1, false));
            log.step("shared lock on a write-only channel", () -> wo.tryLock(0, 1, true));
            log.step("shared tryLock on a read-only channel", () -> describe(ro.tryLock(0, 2, true), true));
        }
        log.step("TRUNCATE_EXISTING", () -> {
            try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, WRITE, TRUNCATE_EXISTING)) {
                return ch.size();
            }
        });
        log.step("DELETE_ON_CLOSE", () -> {
            Path t = root.resolve("temp.bin");
            try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(t, CREATE_NEW, WRITE, DELETE_ON_CLOSE)) {
                get(ch.write(text("gone soon"), 0));
            }
            return Files.exists(t);
        });
        AsynchronousFileChannel ch = AsynchronousFileChannel.open(f, Set.of(READ, WRITE), null);
        get(ch.write(text("0123456789"), 0));
        log.step("lock", () -> describe(get(ch.lock(0, 4, false)), true));
        log.step("lock through a handler", () -> {
            CompletableFuture<FileLock> got = new CompletableFuture<>();
            ch.lock(6, 2, true, "a", handler(got));
            return describe(get(got), true);
        });
        log.step("tryLock", () -> describe(ch.tryLock(20, Long.MAX_VALUE - 20, false), true));
        log.step("tryLock over a range this channel holds", () -> ch.tryLock(2, 4, false));
        log.step("lock over a range this channel holds", () -> get(ch.lock(7, 1, true)));
        log.step("lock with a negative position", () -> ch.lock(-1, 1, false));
        log.step("lock with a negative size", () -> ch.tryLock(0, -1, false));
        FileLock held = ch.tryLock(10, 2, false);
        log.step("release", () -> describe(held, false));
        log.step("release again", () -> describe(held, false));
        FileLock open = ch.tryLock(12, 2, false);
        ch.close();
        log.step("close again", () -> {
            ch.close();
            return ch.isOpen();
        });
        log.step("read after close", () -> get(ch.read(ByteBuffer.allocate(4), 0)));
        log.step("read through a handler after close", () -> AsyncChannelScenario.<Integer>handled((a, h) -> ch.read(ByteBuffer.allocate(4), 0, a, h)));
        log.step("write after close", () -> get(ch.write(text("x"), 0)));
        log.step("size after close", ch::size);
        log.step("truncate after close", () -> ch.truncate(0));
        log.step("force after close", () -> {
            ch.force(false);
            return null;
        });
        log.step("lock after close", () -> get(ch.lock(0, 1, false)));
        log.step("tryLock after close", () -> ch.tryLock(0, 1, false));
        log.step("a lock after its channel closed", () -> open.isValid() + " " + open.acquiredBy().isOpen());
        log.step("release after close", () -> describe(open, false));
        log.step("release a released lock after close", () -> describe(held, false));
        log.step("the file after close", () -> new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
    }

    private static ByteBuffer text(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Opens and closes a channel: "opened", or the exception. */
    private static String opens(Path p, OpenOption... options) throws Exception {
        try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(p, options)) {
            return "opened " + ch.isOpen();
        }
    }

    /** What one read of up to {@code n} bytes at {@code position} returns and reads. */
    private static String read(AsynchronousFileChannel ch, long position, int n) throws Exception {
        ByteBuffer dst = ByteBuffer.allocate(n);
        int got = get(ch.read(dst, position));
        return got + " " + new String(dst.array(), 0, dst.position(), StandardCharsets.UTF_8);
    }

    /** A lock's range, mode and validity; with {@code keep} false it is released first. */
    private static String describe(FileLock lock, boolean keep) throws Exception {
        if (lock == null) {
            return "null";
        }
        if (!keep) {
            lock.release();
        }
        return lock.position() + "+" + lock.size() + (lock.isShared() ? " shared" : " exclusive") + " valid=" + lock.isValid();
    }

    /** The future's value, or the exception {@code get()} wraps. */
    private static <T> T get(Future<T> f) throws Exception {
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception x ? x : e;
        }
    }

    /** An operation that ends through a completion handler. */
    private interface Handled<V> {
        void start(String attachment, CompletionHandler<V, String> handler);
    }

    private static <V> V handled(Handled<V> op) throws Exception {
        CompletableFuture<V> f = new CompletableFuture<>();
        op.start("a", handler(f));
        return get(f);
    }

    private static <V> CompletionHandler<V, String> handler(CompletableFuture<V> f) {
        return new CompletionHandler<>() {
            @Override
            public void completed(V result, String attachment) {
                f.complete(result);
            }

            @Override
            public void failed(Throwable t, String attachment) {
                f.completeExceptionally(t);
            }
        };
    }
}
