package dev.smbco.client;

import dev.smbco.protocol.Command;

/** The file, directory, share or path does not exist (STATUS_OBJECT_NAME_NOT_FOUND, STATUS_OBJECT_PATH_NOT_FOUND, STATUS_BAD_NETWORK_NAME, STATUS_NO_SUCH_FILE, ...). */
public class SmbNotFoundException extends SmbStatusException {
    public SmbNotFoundException(int status, Command command, String path, String message) {
        super(status, command, path, message);
    }
}
