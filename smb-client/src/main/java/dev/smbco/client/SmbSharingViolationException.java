package dev.smbco.client;

import dev.smbco.protocol.Command;

/** Another open of the file conflicts with the requested access or share mode (STATUS_SHARING_VIOLATION). */
public class SmbSharingViolationException extends SmbStatusException {
    public SmbSharingViolationException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
