package dev.smbco.client;

import dev.smbco.protocol.Command;

/** The name is taken (STATUS_OBJECT_NAME_COLLISION). */
public class SmbAlreadyExistsException extends SmbStatusException {
    /**
     * A failure the server reported.
     *
     * @param status the NTSTATUS code (MS-ERREF 2.3)
     * @param command the command that failed
     * @param path the UNC path the request concerned, or the server/share for session and tree requests
     * @param message what failed, naming the path and the status
     */
    public SmbAlreadyExistsException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
