package dev.smbco.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns whatever a command threw into a {@link CliException}: one line and an exit status. Server and
 * connection failures are already {@link CliException}s (the remote layer words them, because it knows
 * the URL); here remain local file errors and wrappers.
 */
public final class Failures {
    private Failures() {
    }

    public static CliException toCli(Throwable t) {
        Throwable e = unwrap(t);
        if (e instanceof CliException cli) {
            return cli;
        }
        if (e instanceof IOException io) {
            return local(io);
        }
        if (e instanceof OutOfMemoryError) {
            return new CliException(ExitStatus.FAILED, "out of memory (try a smaller --parallel)", e);
        }
        String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return new CliException(ExitStatus.FAILED, "unexpected error: " + what + " (run with -v for details)", e);
    }

    /** A local file error, worded like {@code /tmp/x: no such file}. */
    public static CliException local(IOException e) {
        if (e instanceof FileSystemException fs) {
            String file = fs.getFile() == null ? "local file" : fs.getFile();
            String reason = switch (fs) {
                case NoSuchFileException n -> "no such file or directory";
                case AccessDeniedException a -> "permission denied";
                case FileAlreadyExistsException x -> "already exists";
                case DirectoryNotEmptyException d -> "directory not empty";
                case NotDirectoryException d -> "not a directory";
                default -> fs.getReason() == null ? fs.getClass().getSimpleName() : lower(fs.getReason());
            };
            return new CliException(ExitStatus.FAILED, file + ": " + reason, e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new CliException(ExitStatus.FAILED, "local I/O error: " + lower(message), e);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while ((e instanceof CompletionException || e instanceof ExecutionException || e instanceof UncheckedIOException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String lower(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
