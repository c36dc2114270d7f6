package dev.smbco.client;

import dev.smbco.protocol.Command;

/** The name is taken (STATUS_OBJECT_NAME_COLLISION). */
public class SmbAlreadyExistsException extends SmbStatusException {
    public SmbAlreadyExistsException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
