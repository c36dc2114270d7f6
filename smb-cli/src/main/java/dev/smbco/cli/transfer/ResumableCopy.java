package dev.smbco.cli.transfer;

import dev.smbco.cli.Failures;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * One file copied so that a later attempt can continue it ({@code --resume}, {@code --retries}): a
 * download into a local partial file, or an upload into a partial file on a share, each with a
 * {@link ResumeSidecar} next to it.
 *
 * <p>Before the first byte the sidecar is written (done = 0); while the copy runs a checkpoint
 * thread rewrites it every {@link #STEP} bytes with the position that is known to be in place
 * (written to the local file, or acknowledged by the server) and the SHA-256 of the
 * {@link ResumeSidecar#TAIL} bytes before it, read from a local file (the partial for a download,
 * the source for an upload). An attempt that finds a sidecar checks it: same source, same size and
 * last-write time, the partial file at least {@code done} long, and the partial's tail hashing to the
 * recorded digest. Then only [done, end) is sent; else it says so on stderr and starts over. The
 * sidecar is deleted by {@link #finished} once the copy is complete, before the rename.
 */
final class ResumableCopy {
    /** How often (in bytes copied) the sidecar is rewritten: the most a resumed copy sends twice. */
    static final long STEP = 4L << 20;
    private static final long POLL_NANOS = 5_000_000;

    /** Where the partial file and its sidecar live. */
    private interface Side {
        Optional<byte[]> readSidecar();

        void writeSidecar(byte[] data);

        void deleteSidecar();

        /** The partial file's size, or -1 when it does not exist. */
        long partialSize();

        /** SHA-256 of the partial's bytes [start, end). */
        byte[] partialDigest(long start, long end);
    }

    private final PrintStream err;

    ResumableCopy(PrintStream err) {
        this.err = err;
    }

    /** The sidecar of a partial file's path: its name plus {@link ResumeSidecar#SUFFIX}. */
    static String sidecarOf(String partial) {
        return partial + ResumeSidecar.SUFFIX;
    }

    /** Downloads {@code from} into the local partial file {@code temp}, continuing a previous attempt when it checks out. */
    FileInfo download(Location.Smb from, Path temp, String shown, boolean resume, LongConsumer counter) {
        FileInfo src = from.share().stat(from.path());
        ResumeSidecar wanted = new ResumeSidecar(from.url().toString(), src.size(), String.valueOf(src.modified()), 0, empty());
        Side side = local(temp);
        long start = start(wanted, side, resume, shown);
        try (Checkpoints cp = new Checkpoints(wanted, start, temp, side, false)) {
            return from.share().download(from.path(), temp, start, cp.counting(counter));
        }
    }

    /** Uploads the local {@code source} into the partial file {@code temp} on {@code share}, continuing where possible. */
    long upload(Path source, RemoteShare share, String temp, String shown, boolean resume, LongConsumer counter) {
        ResumeSidecar wanted;
        try {
            wanted = new ResumeSidecar(source.toAbsolutePath().normalize().toString(), Files.size(source),
                    String.valueOf(Files.getLastModifiedTime(source).toInstant()), 0, empty());
        } catch (IOException e) {
            throw Failures.local(e);
        }
        Side side = remote(share, temp);
        long start = start(wanted, side, resume, shown);
        if (start == 0 && side.partialSize() < 0) {
            share.writeSmall(temp, new byte[0]); // the resumed upload opens an existing file
        }
        try (Checkpoints cp = new Checkpoints(wanted, start, source, side, true)) {
            return share.upload(source, temp, start, cp.counting(counter));
        }
    }

    /** The copy is complete: its sidecar goes (before the partial file gets its real name). */
    static void finished(Path temp) {
        try {
            Files.deleteIfExists(Path.of(sidecarOf(temp.toString())));
        } catch (IOException e) {
            throw Failures.local(e);
        }
    }

    static void finished(RemoteShare share, String temp) {
        String side = sidecarOf(temp);
        if (share.find(side).isPresent()) {
            share.delete(side);
        }
    }

    /** Where the copy starts: the recorded position if the sidecar checks out, else 0 (and a fresh sidecar). */
    private long start(ResumeSidecar wanted, Side side, boolean resume, String shown) {
        if (resume) {
            Optional<ResumeSidecar> had = side.readSidecar().flatMap(ResumeSidecar::parse);
            long size = side.partialSize();
            if (had.isPresent() && had.get().sameSource(wanted) && size >= had.get().done()
                    && Arrays.equals(side.partialDigest(Math.max(0, had.get().done() - ResumeSidecar.TAIL), had.get().done()),
                            had.get().tail())) {
                long done = had.get().done();
                if (done > 0) {
                    err.println("smbco: " + shown + ": resuming after " + done + " of " + wanted.size() + " bytes");
                }
                return done;
            }
            if (had.isPresent() || size >= 0) {
                err.println("smbco: " + shown + ": the partial copy does not match the source (changed since?); starting over");
            }
        }
        side.writeSidecar(wanted.format());
        return 0;
    }

    private static byte[] empty() {
        return Verify.sha256().digest();
    }

    /** SHA-256 of a local file's bytes [start, end). */
    static byte[] digest(Path file, long start, long end) {
        MessageDigest md = Verify.sha256();
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long at = start;
            while (at < end) {
                buf.clear().limit((int) Math.min(buf.capacity(), end - at));
                int n = ch.read(buf, at);
                if (n <= 0) {
                    break;
                }
                md.update(buf.flip());
                at += n;
            }
        } catch (IOException e) {
            throw Failures.local(e);
        }
        return md.digest();
    }

    private static Side local(Path temp) {
        Path sidecar = Path.of(sidecarOf(temp.toString()));
        return new Side() {
            @Override public Optional<byte[]> readSidecar() {
                try {
                    return Optional.of(Files.readAllBytes(sidecar));
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                } catch (IOException e) {
                    throw Failures.local(e);
                }
            }

            @Override public void writeSidecar(byte[] data) {
                // a kill must never leave half a sidecar: write aside, then rename over it
                Path aside = sidecar.resolveSibling(sidecar.getFileName() + ".new");
                try {
                    Files.write(aside, data);
                    Files.move(aside, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw Failures.local(e);
                }
            }

            @Override public void deleteSidecar() {
                finished(temp);
            }

            @Override public long partialSize() {
                try {
                    return Files.size(temp);
                } catch (NoSuchFileException e) {
                    return -1;
                } catch (IOException e) {
                    throw Failures.local(e);
                }
            }

            @Override public byte[] partialDigest(long start, long end) {
                return digest(temp, start, end);
            }
        };
    }

    private static Side remote(RemoteShare share, String temp) {
        String sidecar = sidecarOf(temp);
        return new Side() {
            @Override public Optional<byte[]> readSidecar() {
                return share.readSmall(sidecar);
            }

            @Override public void writeSidecar(byte[] data) {
                share.writeSmall(sidecar, data);
            }

            @Override public void deleteSidecar() {
                finished(share, temp);
            }

            @Override public long partialSize() {
                return share.find(temp).map(FileInfo::size).orElse(-1L);
            }

            @Override public byte[] partialDigest(long start, long end) {
                return share.sha256(temp, start, (int) (end - start));
            }
        };
    }

    /**
     * Rewrites the sidecar every {@link #STEP} bytes. A local sidecar (a download) is written right
     * where the progress arrives, on the transfer's coroutine after its bytes went to the local
     * file: a small local write, like the transfer's own. A sidecar on a share (an upload) is
     * written from a thread of its own, since the coroutine must not wait for another request; it
     * queues behind the WRITEs in flight, so it lags the upload by up to their total. The
     * digest is taken from {@code digestOf}, a local file holding the same bytes as the partial
     * below the position. Failures to write are ignored: the copy itself reports what went wrong.
     */
    private static final class Checkpoints implements AutoCloseable {
        private final ResumeSidecar base;
        private final Path digestOf;
        private final Side side;
        private final AtomicLong position;
        private final Thread thread;
        private volatile boolean stop;
        private long last;
        private boolean failed;

        Checkpoints(ResumeSidecar base, long start, Path digestOf, Side side, boolean async) {
            this.base = base;
            this.digestOf = digestOf;
            this.side = side;
            this.position = new AtomicLong(start);
            this.last = start;
            this.thread = async ? Thread.ofVirtual().name("smbco-resume-checkpoints").start(this::run) : null;
        }

        LongConsumer counting(LongConsumer counter) {
            return n -> {
                long p = position.addAndGet(n);
                if (thread == null) {
                    checkpoint(p);
                }
                counter.accept(n);
            };
        }

        private void checkpoint(long p) {
            if (failed || p - last < STEP) {
                return;
            }
            try {
                side.writeSidecar(base.at(p, digest(digestOf, Math.max(0, p - ResumeSidecar.TAIL), p)).format());
                last = p;
            } catch (RuntimeException e) {
                failed = true; // the connection or the disk is failing: the copy will say so
            }
        }

        private void run() {
            while (!stop && !failed) {
                checkpoint(position.get());
                LockSupport.parkNanos(POLL_NANOS);
            }
        }

        @Override
        public void close() {
            stop = true;
            if (thread != null) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
