package dev.smbco.client;

import dev.smbco.protocol.Command;

/** A directory to remove still has entries (STATUS_DIRECTORY_NOT_EMPTY). */
public class SmbNotEmptyException extends SmbStatusException {
    public SmbNotEmptyException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
