package dev.smbco.client;

import dev.smbco.protocol.Command;

/**
 * The server answered a request with a failure NTSTATUS (MS-ERREF 2.3). The message reads as-is,
 * e.g. {@code CREATE \\host\share\dir\x.txt: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)}. Subclasses
 * name the common families so callers can catch them without comparing codes; {@link #status()}
 * is always there for the rest. A status error fails one request; the connection stays up.
 */
public class SmbStatusException extends SmbException {
    /** The NTSTATUS code. */
    private final int status;
    /** The command that failed. */
    private final Command command;
    /** The UNC path the request concerned. */
    private final String path;

    /**
     * A failure the server reported.
     *
     * @param status the NTSTATUS code (MS-ERREF 2.3)
     * @param command the command that failed
     * @param path the UNC path the request concerned, or the server/share for session and tree requests
     * @param message what failed, naming the path and the status
     */
    public SmbStatusException(int status, Command command, String path, String message) {
        super(message);
        this.status = status;
        this.command = command;
        this.path = path;
    }

    /**
     * The NTSTATUS code the server answered with (MS-ERREF 2.3); {@code NtStatus} names the known ones.
     *
     * @return the code, e.g. {@code 0xC0000034} (STATUS_OBJECT_NAME_NOT_FOUND)
     */
    public int status() {
        return status;
    }

    /**
     * The command that failed.
     *
     * @return the SMB2 command of the failed request
     */
    public Command command() {
        return command;
    }

    /**
     * The path the request concerned.
     *
     * @return the UNC path ({@code \\host\share\dir\file}), or the server/share for session and
     *     tree requests
     */
    public String path() {
        return path;
    }
}
