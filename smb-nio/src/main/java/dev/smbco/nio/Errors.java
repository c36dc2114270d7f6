package dev.smbco.nio;

import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbAlreadyExistsException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbNotEmptyException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.coro.RequestException;
import dev.smbco.protocol.status.NtStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * The client's typed failures as the JDK's file-system exceptions, each naming the path (and the
 * other path of a move or copy); the client's exception stays the cause, so its NTSTATUS and UNC
 * path are one {@code getCause()} away. The mapping goes by exception type and NTSTATUS (MS-ERREF
 * 2.3.1), never by message text.
 */
final class Errors {
    private Errors() {
    }

    /** A blocking client call that fails with an unchecked client exception. */
    interface Call<T> {
        T run();
    }

    /** Runs {@code call}, turning a client failure into the JDK's exception for {@code file}. */
    static <T> T io(SmbPath file, Call<T> call) throws IOException {
        return io(file, null, call);
    }

    static <T> T io(SmbPath file, SmbPath other, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SmbException | RequestException e) {
            throw map(e, file == null ? null : file.toString(), other == null ? null : other.toString());
        }
    }

    static IOException map(RuntimeException e, String file, String other) {
        IOException x;
        if (e instanceof SmbStatusException s) {
            String reason = NtStatus.describe(s.status());
            if (s instanceof SmbNotFoundException) {
                x = new NoSuchFileException(file, other, reason);
            } else if (s instanceof SmbAlreadyExistsException) {
                x = new FileAlreadyExistsException(file, other, reason);
            } else if (s instanceof SmbNotEmptyException) {
                x = new DirectoryNotEmptyException(file);
            } else if (s instanceof SmbAccessDeniedException) {
                x = new AccessDeniedException(file, other, reason);
            } else if (s.status() == NtStatus.STATUS_NOT_A_DIRECTORY) {
                x = new NotDirectoryException(file);
            } else if (s.status() == NtStatus.STATUS_FILE_IS_A_DIRECTORY) {
                x = new FileSystemException(file, other, "Is a directory (" + reason + ")");
            } else {
                x = new FileSystemException(file, other, reason);
            }
        } else {
            x = new FileSystemException(file, other, e.getMessage());
        }
        x.initCause(e);
        return x;
    }
}
