package dev.smbco.client;

import dev.smbco.protocol.Command;

/** The server refused access (STATUS_ACCESS_DENIED, STATUS_MEDIA_WRITE_PROTECTED, ...). */
public class SmbAccessDeniedException extends SmbStatusException {
    public SmbAccessDeniedException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
