package dev.smbco.cli;

import java.util.Objects;

/**
 * A failure that ends a command with one line on stderr ({@code smbco: <message>}) and a documented
 * exit status. Everything the commands throw is turned into one of these by {@link Failures}.
 */
public final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ExitStatus status;

    public CliException(ExitStatus status, String message) {
        this(status, message, null);
    }

    public CliException(ExitStatus status, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Exit 2: the command line itself is wrong. */
    public static CliException usage(String message) {
        return new CliException(ExitStatus.USAGE, message);
    }

    /** Exit 1: an operation on {@code what} (a URL or a local path) failed. */
    public static CliException failed(String what, String reason) {
        return new CliException(ExitStatus.FAILED, what + ": " + reason);
    }

    /** Exit 1 for a server status, worded as {@code <url>: no such file (STATUS_OBJECT_NAME_NOT_FOUND)}. */
    public static CliException status(String url, String statusName, Throwable cause) {
        return new CliException(ExitStatus.FAILED, url + ": " + StatusText.describe(statusName), cause);
    }

    /** Exit 3: connection failed, lost or timed out. */
    public static CliException connection(String message, Throwable cause) {
        return new CliException(ExitStatus.CONNECTION, message, cause);
    }

    /** Exit 4: the server rejected the credentials. */
    public static CliException authentication(String message, Throwable cause) {
        return new CliException(ExitStatus.AUTHENTICATION, message, cause);
    }

    public ExitStatus status() {
        return status;
    }
}
