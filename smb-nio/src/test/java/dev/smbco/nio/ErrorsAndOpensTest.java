package dev.smbco.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbAlreadyExistsException;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbNotEmptyException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.status.NtStatus;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The exception mapping and the open-option mapping, without a server. */
class ErrorsAndOpensTest {
    private static final String UNC = "\\\\h\\s\\dir\\x.txt";
    private final SmbFileSystem fs = new SmbFileSystem(new SmbFileSystemProvider(), new FsKey("h", 445, "s", "", ""), null);
    private final SmbPath path = fs.getPath("/dir/x.txt");

    /** A status failure as the client raises it: the family's type for the status, as smb-client's javadoc lists them. */
    private static SmbStatusException status(int status) {
        String message = "CREATE " + UNC + ": " + NtStatus.describe(status);
        return switch (status) {
            case NtStatus.STATUS_OBJECT_NAME_NOT_FOUND, NtStatus.STATUS_OBJECT_PATH_NOT_FOUND ->
                    new SmbNotFoundException(status, Command.CREATE, UNC, message);
            case NtStatus.STATUS_OBJECT_NAME_COLLISION -> new SmbAlreadyExistsException(status, Command.CREATE, UNC, message);
            case NtStatus.STATUS_DIRECTORY_NOT_EMPTY -> new SmbNotEmptyException(status, Command.CREATE, UNC, message);
            case NtStatus.STATUS_ACCESS_DENIED -> new SmbAccessDeniedException(status, Command.CREATE, UNC, message);
            default -> new SmbStatusException(status, Command.CREATE, UNC, message);
        };
    }

    @Test
    void typedClientFailuresBecomeTheJdksTypesNamingThePath() {
        assertMapped(status(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND), NoSuchFileException.class);
        assertMapped(status(NtStatus.STATUS_OBJECT_PATH_NOT_FOUND), NoSuchFileException.class);
        assertMapped(status(NtStatus.STATUS_OBJECT_NAME_COLLISION), FileAlreadyExistsException.class);
        assertMapped(status(NtStatus.STATUS_DIRECTORY_NOT_EMPTY), DirectoryNotEmptyException.class);
        assertMapped(status(NtStatus.STATUS_ACCESS_DENIED), AccessDeniedException.class);
        assertMapped(status(NtStatus.STATUS_NOT_A_DIRECTORY), NotDirectoryException.class);
        assertMapped(status(NtStatus.STATUS_FILE_IS_A_DIRECTORY), FileSystemException.class);
        assertMapped(status(NtStatus.STATUS_DISK_FULL), FileSystemException.class);
        assertMapped(new SmbConnectionLostException("connection lost", true, null), FileSystemException.class);
        assertMapped(new SmbTimeoutException("CREATE " + UNC + ": no response"), FileSystemException.class);
    }

    @Test
    void theStatusNameIsTheReasonAndTheOtherPathIsNamedToo() throws Exception {
        IOException e = Errors.map(status(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND), "/a", "/b");
        assertThat(e).isInstanceOf(NoSuchFileException.class)
                .hasMessage("/a -> /b: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)");
        assertThat(e.getCause()).isInstanceOf(SmbNotFoundException.class);
    }

    private void assertMapped(RuntimeException failure, Class<? extends FileSystemException> type) {
        assertThatThrownBy(() -> Errors.io(path, () -> {
            throw failure;
        })).isExactlyInstanceOf(type).hasMessageContaining("/dir/x.txt").hasCause(failure);
    }

    @Test
    void openOptionsBecomeDispositionAccessAndCreateOptions() {
        assertThat(disposition(Set.of())).isEqualTo(CreateDisposition.OPEN);
        assertThat(disposition(Set.of(StandardOpenOption.READ, StandardOpenOption.CREATE))).as("CREATE ignored when only reading")
                .isEqualTo(CreateDisposition.OPEN);
        assertThat(disposition(Set.of(StandardOpenOption.WRITE))).isEqualTo(CreateDisposition.OPEN);
        assertThat(disposition(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE))).isEqualTo(CreateDisposition.OPEN_IF);
        assertThat(disposition(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)))
                .isEqualTo(CreateDisposition.OVERWRITE_IF);
        assertThat(disposition(Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING))).isEqualTo(CreateDisposition.OVERWRITE);
        assertThat(disposition(Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, StandardOpenOption.CREATE)))
                .isEqualTo(CreateDisposition.CREATE);
        Opens.Plan append = Opens.plan(path, Set.of(StandardOpenOption.APPEND));
        assertThat(append.write()).isTrue();
        assertThat(append.read()).isFalse();
        Opens.Plan doc = Opens.plan(path, Set.of(StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW, StandardOpenOption.DELETE_ON_CLOSE));
        assertThat(doc.options().options() & CreateOptions.DELETE_ON_CLOSE).isNotZero();
        assertThat(doc.options().access() & AccessMask.DELETE).isNotZero();
        assertThatThrownBy(() -> Opens.plan(path, Set.of(StandardOpenOption.APPEND, StandardOpenOption.READ)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/dir/x.txt");
        assertThatThrownBy(() -> Opens.plan(path, Set.of(StandardOpenOption.APPEND, StandardOpenOption.TRUNCATE_EXISTING)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Opens.plan(path, Set.of(new OpenOption() {
        }))).isInstanceOf(UnsupportedOperationException.class);
    }

    private int disposition(Set<? extends OpenOption> options) {
        return Opens.plan(path, options).options().disposition();
    }
}
