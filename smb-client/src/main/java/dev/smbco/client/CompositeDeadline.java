package dev.smbco.client;

import dev.smbco.coro.Request;
import java.time.Duration;

/**
 * The overall deadline of a composite operation ({@link SmbConfig#compositeTimeout()}): each of its
 * requests has its own timeout, but a composite of many (a listing of many pages, mkdirs of a deep
 * path, a whole download) could take their sum. When the deadline passes the composite's request
 * ends TIMED_OUT with an {@link SmbTimeoutException} naming the operation and the deadline, and
 * its cancel handler runs: a coroutine cancels the request it awaits and unwinds, its
 * {@code finally} blocks cancel what else is in flight (the transfers' READs and WRITEs) and close
 * its handles; a related compound is cancelled as one request.
 */
final class CompositeDeadline {
    private CompositeDeadline() {
    }

    /** {@code composite}, bounded by the configured overall deadline if there is one; {@code what} names it ("download \\server\share\x"). */
    static <T> Request<T> bound(Request<T> composite, SmbConfig config, String what) {
        Duration d = config.compositeTimeout();
        if (d.isZero()) {
            return composite;
        }
        return composite.withTimeout(d, () -> new SmbTimeoutException(what + ": not done within its overall deadline of "
                + dev.smbco.client.internal.Durations.human(d)));
    }
}
