package dev.smbco.cli.transfer;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Failures;
import dev.smbco.cli.remote.RemoteShare;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

/**
 * Copies a file between two shares that cannot copy server-side (different servers or users): a
 * virtual thread downloads into a pipe while the caller uploads from it, so the file streams through
 * a small buffer instead of a temporary local copy.
 */
final class Pipe {
    private static final int BUFFER = 4 << 20;

    private Pipe() {
    }

    static void copy(RemoteShare from, String fromPath, RemoteShare to, String toPath, String renameTo, LongConsumer progress) {
        PipedInputStream in = new PipedInputStream(BUFFER);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw Failures.local(e);
        }
        AtomicReference<RuntimeException> readFailure = new AtomicReference<>();
        Thread reader = Thread.ofVirtual().name("smbco-pipe").start(() -> {
            try (out) {
                from.download(fromPath, out, n -> { });
            } catch (RuntimeException e) {
                readFailure.set(e);
            } catch (IOException e) {
                readFailure.set(Failures.local(e));
            }
        });
        try {
            to.upload(in, toPath, renameTo, progress);
        } catch (RuntimeException e) {
            try {
                in.close(); // unblocks the reader
            } catch (IOException ignored) {
                // closing a pipe does not fail
            }
            throw readFailure.get() != null ? readFailure.get() : e;
        } finally {
            join(reader);
        }
        if (readFailure.get() != null) {
            throw readFailure.get();
        }
    }

    private static void join(Thread t) {
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(dev.smbco.cli.ExitStatus.FAILED, "interrupted");
        }
    }
}
