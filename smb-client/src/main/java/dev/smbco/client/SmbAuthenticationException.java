package dev.smbco.client;

import dev.smbco.protocol.Command;

/** Session setup failed: bad user or password, account restrictions, or guest/anonymous refused (STATUS_LOGON_FAILURE, STATUS_ACCOUNT_DISABLED, ...). */
public class SmbAuthenticationException extends SmbStatusException {
    public SmbAuthenticationException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
