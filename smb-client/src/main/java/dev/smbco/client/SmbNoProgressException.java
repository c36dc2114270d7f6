package dev.smbco.client;

/**
 * The server answered success but took nothing: a WRITE whose Count is 0 (MS-SMB2 2.2.22), or a
 * server-side copy that reports 0 bytes copied (MS-SMB2 2.2.32.1). Retrying the same request would
 * loop for ever, so the operation fails at once with this error, naming the command, the path and
 * the offset where the server stopped, e.g. {@code WRITE \\host\share\x.bin: server accepted no
 * data at offset 65536 (0 of 1048576 bytes)}. The connection stays up.
 */
public class SmbNoProgressException extends SmbException {
    /** The file offset at which the server made no progress. */
    private final long offset;

    /**
     * A transfer that stalled.
     *
     * @param message what stalled, naming the file
     * @param offset the file offset at which the server made no progress, in bytes
     */
    public SmbNoProgressException(String message, long offset) {
        super(message);
        this.offset = offset;
    }

    /**
     * Where the transfer stalled.
     *
     * @return the file offset at which the server made no progress, in bytes
     */
    public long offset() {
        return offset;
    }
}
