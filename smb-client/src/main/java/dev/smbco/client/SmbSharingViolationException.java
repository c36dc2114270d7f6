package dev.smbco.client;

import dev.smbco.protocol.Command;

/** Another open of the file conflicts with the requested access or share mode (STATUS_SHARING_VIOLATION). */
public class SmbSharingViolationException extends SmbStatusException {
    /**
     * A failure the server reported.
     *
     * @param status the NTSTATUS code (MS-ERREF 2.3)
     * @param command the command that failed
     * @param path the UNC path the request concerned, or the server/share for session and tree requests
     * @param message what failed, naming the path and the status
     */
    public SmbSharingViolationException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
