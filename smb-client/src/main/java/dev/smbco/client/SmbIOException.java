package dev.smbco.client;

import java.io.IOException;

/**
 * How the blocking streams ({@link SmbFile#inputStream()}, {@link SmbFile#outputStream()}) report
 * a failure, keeping the {@link java.io.InputStream}/{@link java.io.OutputStream} contract of
 * throwing only {@link IOException}s. The {@linkplain #getCause() cause} is always the client's own
 * typed exception: an {@link SmbException} subclass (status, connection lost, size mismatch, ...)
 * or an {@link SmbTimeoutException}; the message is the cause's.
 *
 * <p>A stream that failed once is broken for good: every later call throws a new {@code
 * SmbIOException} whose message starts with "stream broken by an earlier failure:" and whose cause
 * is the first failure's cause, so no caller can go on reading or writing past a gap.
 */
public class SmbIOException extends IOException {
    /**
     * With a message and a cause.
     *
     * @param message what failed; the cause's message
     * @param cause the client's typed exception ({@link SmbException} or {@link SmbTimeoutException})
     */
    public SmbIOException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The failure of a request, wrapped as it is. */
    static SmbIOException of(RuntimeException failure) {
        return new SmbIOException(failure.getMessage(), failure);
    }

    /** A later call on a stream that {@code first} broke. */
    static SmbIOException broken(SmbIOException first) {
        return new SmbIOException("stream broken by an earlier failure: " + first.getMessage(), first.getCause());
    }
}
