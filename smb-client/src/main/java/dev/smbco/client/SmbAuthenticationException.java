package dev.smbco.client;

import dev.smbco.protocol.Command;

/** Session setup failed: bad user or password, account restrictions, or guest/anonymous refused (STATUS_LOGON_FAILURE, STATUS_ACCOUNT_DISABLED, ...). */
public class SmbAuthenticationException extends SmbStatusException {
    /**
     * A failure the server reported.
     *
     * @param status the NTSTATUS code (MS-ERREF 2.3)
     * @param command the command that failed
     * @param path the UNC path the request concerned, or the server/share for session and tree requests
     * @param message what failed, naming the path and the status
     */
    public SmbAuthenticationException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
