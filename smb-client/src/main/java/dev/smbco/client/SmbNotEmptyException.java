package dev.smbco.client;

import dev.smbco.protocol.Command;

/** A directory to remove still has entries (STATUS_DIRECTORY_NOT_EMPTY). */
public class SmbNotEmptyException extends SmbStatusException {
    /**
     * A failure the server reported.
     *
     * @param status the NTSTATUS code (MS-ERREF 2.3)
     * @param command the command that failed
     * @param path the UNC path the request concerned, or the server/share for session and tree requests
     * @param message what failed, naming the path and the status
     */
    public SmbNotEmptyException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
