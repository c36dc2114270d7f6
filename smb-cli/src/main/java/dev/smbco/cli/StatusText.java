package dev.smbco.cli;

import java.util.Map;

/**
 * Short human words for the NTSTATUS values (MS-ERREF 2.3.1) a user meets most, so an error line reads
 * {@code no such file (STATUS_OBJECT_NAME_NOT_FOUND)}. Statuses without words are shown by name only.
 */
public final class StatusText {
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("STATUS_OBJECT_NAME_NOT_FOUND", "no such file"),
            Map.entry("STATUS_NO_SUCH_FILE", "no such file"),
            Map.entry("STATUS_OBJECT_PATH_NOT_FOUND", "no such directory"),
            Map.entry("STATUS_OBJECT_NAME_INVALID", "invalid name"),
            Map.entry("STATUS_OBJECT_NAME_COLLISION", "already exists"),
            Map.entry("STATUS_ACCESS_DENIED", "permission denied"),
            Map.entry("STATUS_CANNOT_DELETE", "cannot delete"),
            Map.entry("STATUS_SHARING_VIOLATION", "file is in use"),
            Map.entry("STATUS_DELETE_PENDING", "file is being deleted"),
            Map.entry("STATUS_DIRECTORY_NOT_EMPTY", "directory not empty"),
            Map.entry("STATUS_FILE_IS_A_DIRECTORY", "is a directory"),
            Map.entry("STATUS_NOT_A_DIRECTORY", "not a directory"),
            Map.entry("STATUS_BAD_NETWORK_NAME", "no such share"),
            Map.entry("STATUS_BAD_NETWORK_PATH", "no such server path"),
            Map.entry("STATUS_NETWORK_ACCESS_DENIED", "access to the share denied"),
            Map.entry("STATUS_DISK_FULL", "disk full on the server"),
            Map.entry("STATUS_QUOTA_EXCEEDED", "quota exceeded"),
            Map.entry("STATUS_MEDIA_WRITE_PROTECTED", "share is read-only"),
            Map.entry("STATUS_NOT_SUPPORTED", "not supported by the server"),
            Map.entry("STATUS_INVALID_PARAMETER", "invalid parameter"),
            Map.entry("STATUS_LOGON_FAILURE", "authentication failed"),
            Map.entry("STATUS_ACCOUNT_DISABLED", "account disabled"),
            Map.entry("STATUS_PASSWORD_EXPIRED", "password expired"),
            Map.entry("STATUS_NOT_SAME_DEVICE", "not on the same share"),
            Map.entry("STATUS_FILE_CLOSED", "file was closed"),
            Map.entry("STATUS_IO_TIMEOUT", "timed out"));

    private StatusText() {
    }

    /** {@code "no such file (STATUS_OBJECT_NAME_NOT_FOUND)"}, or just the name when we have no words for it. */
    public static String describe(String statusName) {
        String words = WORDS.get(statusName);
        return words == null ? statusName : words + " (" + statusName + ")";
    }
}
