package dev.smbco.hadoop;

import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbAlreadyExistsException;
import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbConnectException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbNotEmptyException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.coro.RequestException;
import dev.smbco.protocol.status.NtStatus;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.AccessDeniedException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.PathIOException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;

/**
 * The client's typed failures as the exceptions Hadoop's file-system specification names, each
 * carrying the smb:// path; the client's exception stays the cause, so its NTSTATUS and UNC path
 * are one {@code getCause()} away. The mapping goes by exception type and NTSTATUS (MS-ERREF
 * 2.3.1), never by message text.
 */
final class HadoopErrors {
    private HadoopErrors() {
    }

    /** A blocking client call that fails with an unchecked client exception. */
    interface Call<T> {
        T run() throws IOException;
    }

    /** Runs {@code call}, turning a client failure into Hadoop's exception for {@code path}. */
    static <T> T io(Object path, Call<T> call) throws IOException {
        try {
            return call.run();
        } catch (SmbException | RequestException e) {
            throw map(e, String.valueOf(path));
        }
    }

    /** A client failure as Hadoop's exception for {@code path}. */
    static IOException map(RuntimeException e, String path) {
        IOException x;
        if (e instanceof SmbStatusException s) {
            String reason = path + ": " + NtStatus.describe(s.status());
            if (s instanceof SmbNotFoundException || s.status() == NtStatus.STATUS_BAD_NETWORK_NAME
                    || s.status() == NtStatus.STATUS_DELETE_PENDING) {
                x = new FileNotFoundException(reason);
            } else if (s instanceof SmbAlreadyExistsException) {
                x = new FileAlreadyExistsException(reason);
            } else if (s instanceof SmbNotEmptyException) {
                x = new PathIsNotEmptyDirectoryException(path);
            } else if (s instanceof SmbAccessDeniedException || s instanceof SmbAuthenticationException) {
                x = new AccessDeniedException(path, null, NtStatus.describe(s.status()));
            } else if (s.status() == NtStatus.STATUS_NOT_A_DIRECTORY) {
                x = new ParentNotDirectoryException(reason);
            } else if (s.status() == NtStatus.STATUS_FILE_IS_A_DIRECTORY) {
                x = new FileNotFoundException(path + ": is a directory");
            } else {
                x = new PathIOException(path, NtStatus.describe(s.status()));
            }
        } else if (e instanceof SmbConnectException) {
            x = new ConnectException(path + ": " + e.getMessage());
        } else {
            x = new PathIOException(path, e.getMessage());
        }
        x.initCause(e);
        return x;
    }
}
