package dev.smbco.cli;

/**
 * The documented exit statuses of {@code smbco}; scripts act on these numbers, so they never change.
 */
public enum ExitStatus {
    /** Everything asked for was done. */
    OK(0),
    /** An operation failed: the server refused it (the message names the URL and the NTSTATUS) or a local file could not be read or written. */
    FAILED(1),
    /** The command line was wrong: unknown option, malformed URL, missing argument. */
    USAGE(2),
    /** The connection could not be made, was lost, or timed out; or no credentials could be found. */
    CONNECTION(3),
    /** The server rejected the credentials. */
    AUTHENTICATION(4);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    /** The process exit code. */
    public int code() {
        return code;
    }
}
