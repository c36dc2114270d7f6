package dev.smbco.client;

import dev.smbco.protocol.Command;

/** The server refused access (STATUS_ACCESS_DENIED, STATUS_MEDIA_WRITE_PROTECTED, ...). */
public class SmbAccessDeniedException extends SmbStatusException {
    /**
     * A failure the server reported.
     *
     * @param status the NTSTATUS code (MS-ERREF 2.3)
     * @param command the command that failed
     * @param path the UNC path the request concerned, or the server/share for session and tree requests
     * @param message what failed, naming the path and the status
     */
    public SmbAccessDeniedException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
