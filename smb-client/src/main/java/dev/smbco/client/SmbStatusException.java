package dev.smbco.client;

import dev.smbco.protocol.Command;

/**
 * The server answered a request with a failure NTSTATUS (MS-ERREF 2.3). The message reads as-is,
 * e.g. {@code CREATE \\host\share\dir\x.txt: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)}. Subclasses
 * name the common families so callers can catch them without comparing codes; {@link #status()}
 * is always there for the rest. A status error fails one request; the connection stays up.
 */
public class SmbStatusException extends SmbException {
    private final int status;
    private final Command command;
    private final String path;

    public SmbStatusException(int status, Command command, String path, String message) {
        super(message);
        this.status = status;
        this.command = command;
        this.path = path;
    }

    /** The NTSTATUS code, e.g. {@code 0xC0000034}. */
    public int status() {
        return status;
    }

    /** The command that failed. */
    public Command command() {
        return command;
    }

    /** The UNC path the request concerned ({@code \\host\share\dir\file}), or the server/share for session and tree requests. */
    public String path() {
        return path;
    }
}
