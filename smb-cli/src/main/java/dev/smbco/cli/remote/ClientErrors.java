package dev.smbco.cli.remote;

import dev.smbco.cli.CliException;
import dev.smbco.cli.ExitStatus;
import dev.smbco.cli.Failures;
import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbConnectException;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbNoProgressException;
import dev.smbco.client.SmbReplayMismatchException;
import dev.smbco.client.SmbSizeMismatchException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.client.rpc.SmbRpcException;
import dev.smbco.coro.RequestCancelledException;
import dev.smbco.coro.RequestFailedException;
import dev.smbco.coro.RequestTimeoutException;
import dev.smbco.protocol.status.NtStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletionException;

/**
 * The one place that knows the client's exception types: turns them into {@link CliException}s
 * worded for the user, naming the URL ({@code what}) and, for a status, its NTSTATUS name.
 */
public final class ClientErrors {
    private ClientErrors() {
    }

    /**
     * @param what  the URL (or {@code smb://host:port}) the operation concerned
     * @param local the local file of a transfer, or null: local I/O errors name it
     */
    public static CliException toCli(Throwable t, String what, String local) {
        Throwable e = t;
        while ((e instanceof RequestFailedException || e instanceof CompletionException || e instanceof UncheckedIOException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return switch (e) {
            case CliException cli -> cli;
            case SmbAuthenticationException a when a.status() == 0 && a.getCause() != null -> new CliException(ExitStatus.AUTHENTICATION,
                    what + ": authentication failed: " + a.getCause().getMessage(), a); // Kerberos: the KDC's error, in words
            case SmbAuthenticationException a -> new CliException(ExitStatus.AUTHENTICATION,
                    what + ": authentication failed (" + NtStatus.name(a.status()) + ")", a);
            case SmbStatusException s -> CliException.status(what, NtStatus.name(s.status()), s);
            case SmbSizeMismatchException m -> new CliException(ExitStatus.FAILED, what + ": the server holds " + m.actual()
                    + " bytes, but " + m.expected() + " were sent", m);
            case SmbReplayMismatchException r -> new CliException(ExitStatus.FAILED, what + ": after a reconnection the server answered the "
                    + r.sent() + " bytes at offset " + r.offset() + " sent again with " + r.answer() + "; what it holds there is unknown", r);
            case SmbNoProgressException n -> new CliException(ExitStatus.FAILED, what + ": the server accepted no data (at offset "
                    + n.offset() + ")", n);
            case SmbConnectException c -> new CliException(ExitStatus.CONNECTION, what + ": cannot connect: " + reason(c), c);
            case SmbConnectionLostException l -> new CliException(ExitStatus.CONNECTION, what + ": connection lost", l);
            case RequestTimeoutException to -> new CliException(ExitStatus.CONNECTION, what + ": timed out", to);
            case SmbProtocolException p -> new CliException(ExitStatus.CONNECTION, what + ": protocol error: " + p.getMessage(), p);
            case RequestCancelledException c -> new CliException(ExitStatus.CONNECTION, what + ": cancelled", c);
            case IOException io when local != null -> new CliException(ExitStatus.FAILED, local + ": " + ioReason(io), io);
            case IOException io -> Failures.local(io);
            case SmbRpcException r -> new CliException(ExitStatus.FAILED, what + ": " + r.getMessage(), r);
            case SmbException s -> new CliException(ExitStatus.CONNECTION, what + ": " + s.getMessage(), s);
            default -> Failures.toCli(e);
        };
    }

    /** The innermost cause's message, e.g. "Connection refused". */
    private static String reason(Throwable t) {
        if (t instanceof SmbConnectException connect && connect.reason() != null) {
            return connect.reason(); // the library's plain sentence: "connection refused", "timed out after 30 s"
        }
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        if (m == null || m.isBlank()) {
            m = t.getMessage() == null ? c.getClass().getSimpleName() : t.getMessage();
        }
        int colon = m.lastIndexOf(": ");
        // Netty words refusals as "Connection refused: /127.0.0.1:4455"
        return lower(m.startsWith("Connection refused") ? "connection refused" : colon > 0 && m.length() - colon < 40 ? m : m);
    }

    private static String ioReason(IOException io) {
        if (io instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return lower(fs.getReason());
        }
        if (io instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (io instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return io.getMessage() == null ? io.getClass().getSimpleName() : lower(io.getMessage());
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
