package dev.smbco.client;

import dev.smbco.protocol.Command;

/** The file, directory, share or path does not exist (STATUS_OBJECT_NAME_NOT_FOUND, STATUS_OBJECT_PATH_NOT_FOUND, STATUS_BAD_NETWORK_NAME, STATUS_NO_SUCH_FILE, ...). */
public class SmbNotFoundException extends SmbStatusException {
    /**
     * A failure the server reported.
     *
     * @param status the NTSTATUS code (MS-ERREF 2.3)
     * @param command the command that failed
     * @param path the UNC path the request concerned, or the server/share for session and tree requests
     * @param message what failed, naming the path and the status
     */
    public SmbNotFoundException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
