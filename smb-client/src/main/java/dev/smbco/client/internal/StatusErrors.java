package dev.smbco.client.internal;

import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbAlreadyExistsException;
import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbNotEmptyException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbSharingViolationException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.status.NtStatus;

/**
 * Maps a failure NTSTATUS (MS-ERREF 2.3.1) to the typed exception family, with a message that
 * reads as-is: {@code CREATE \\host\share\x.txt: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)}.
 */
public final class StatusErrors {
    private StatusErrors() {
    }

    public static SmbStatusException of(int status, Command command, String path) {
        String message = command + (path == null || path.isEmpty() ? "" : " " + path) + ": " + NtStatus.describe(status);
        return switch (status) {
            case 0xC0000034, // STATUS_OBJECT_NAME_NOT_FOUND
                 0xC000003A, // STATUS_OBJECT_PATH_NOT_FOUND
                 0xC000000F, // STATUS_NO_SUCH_FILE
                 0xC00000CC, // STATUS_BAD_NETWORK_NAME
                 0xC0000225  // STATUS_NOT_FOUND
                    -> new SmbNotFoundException(status, command, path, message);
            case 0xC0000022, // STATUS_ACCESS_DENIED
                 0xC00000A2, // STATUS_MEDIA_WRITE_PROTECTED
                 0xC00000CA, // STATUS_NETWORK_ACCESS_DENIED
                 0xC0000121  // STATUS_CANNOT_DELETE
                    -> new SmbAccessDeniedException(status, command, path, message);
            case 0xC0000035  // STATUS_OBJECT_NAME_COLLISION
                    -> new SmbAlreadyExistsException(status, command, path, message);
            case 0xC0000101  // STATUS_DIRECTORY_NOT_EMPTY
                    -> new SmbNotEmptyException(status, command, path, message);
            case 0xC0000043  // STATUS_SHARING_VIOLATION
                    -> new SmbSharingViolationException(status, command, path, message);
            case 0xC000006D, // STATUS_LOGON_FAILURE
                 0xC000006A, // STATUS_WRONG_PASSWORD
                 0xC0000064, // STATUS_NO_SUCH_USER
                 0xC000006E, // STATUS_ACCOUNT_RESTRICTION
                 0xC000006F, // STATUS_INVALID_LOGON_HOURS
                 0xC0000070, // STATUS_INVALID_WORKSTATION
                 0xC0000071, // STATUS_PASSWORD_EXPIRED
                 0xC0000072, // STATUS_ACCOUNT_DISABLED
                 0xC0000193, // STATUS_ACCOUNT_EXPIRED
                 0xC0000224, // STATUS_PASSWORD_MUST_CHANGE
                 0xC0000234  // STATUS_ACCOUNT_LOCKED_OUT
                    -> new SmbAuthenticationException(status, command, path, message);
            default -> new SmbStatusException(status, command, path, message);
        };
    }
}
