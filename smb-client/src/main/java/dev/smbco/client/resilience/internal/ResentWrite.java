package dev.smbco.client.resilience.internal;

import dev.smbco.client.SmbException;
import dev.smbco.client.SmbReplayMismatchException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.status.NtStatus;

/**
 * Checks the server's answer to a WRITE sent again after a reconnection (a {@link Resend} replay:
 * the first sending left the client, its outcome unknown). Sent for the first time, a WRITE
 * answered with a short Count is continued from where the server stopped; sent again, it is not:
 * the lost first sending may have been executed in full or in part, so any answer but "all
 * {@code length} bytes written" (a short, zero or larger Count, or a failure status such as
 * STATUS_DISK_FULL or STATUS_FILE_CLOSED) leaves the range in an unknown state. It fails the write
 * with {@link SmbReplayMismatchException} naming the file, the range and the answer, instead of
 * being continued (a hidden mismatch) or reported as a bare status that does not say the request
 * was a resend. A lost connection, a lost handle or a timeout passes unchanged: the first is sent
 * again by {@link Resend}, the others are no answer of the server.
 */
public final class ResentWrite {
    private ResentWrite() {
    }

    /** {@code sent} (a resent WRITE of {@code length} bytes at {@code offset} of {@code path}), its answer checked. */
    public static Request<Long> checked(Loop loop, Request<Long> sent, String path, long offset, int length) {
        Completer<Long> c = Completer.create(loop);
        c.onCancel(sent::cancel);
        sent.onDone(done -> {
            if (done.state() == RequestState.DONE) {
                long count = done.recv();
                if (count == length) {
                    c.complete(count);
                } else {
                    c.fail(new SmbReplayMismatchException(path, offset, length, "Count " + Integer.toUnsignedString((int) count), 0, null));
                }
            } else if (done.state() == RequestState.CANCELLED) {
                c.cancelled();
            } else if (done.failure() instanceof SmbStatusException s) {
                c.fail(new SmbReplayMismatchException(path, offset, length, NtStatus.describe(s.status()), s.status(), s));
            } else {
                Throwable f = done.failure();
                c.fail(f != null ? f : new SmbException("resent WRITE " + path + " ended " + done.state()));
            }
        });
        return c.request();
    }
}
