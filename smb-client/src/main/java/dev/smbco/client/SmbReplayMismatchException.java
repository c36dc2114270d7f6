package dev.smbco.client;

/**
 * A WRITE that was in flight when the connection dropped was sent again after the reconnection
 * (same bytes, same offset, the reopened durable handle), and the server's answer to it is not
 * what the write needs: a Count other than the length sent (short, none, or more), or a failure
 * status (STATUS_DISK_FULL, STATUS_FILE_CLOSED, ...). The first sending may or may not have been
 * executed, so what the server holds in that range is unknown, and the client does not guess: the
 * write fails with this error instead of continuing or succeeding. The message names the file, the
 * range and the answer, e.g. {@code WRITE \\host\share\x.bin: 262144 bytes at offset 4096 sent
 * again after a reconnection, the server answered Count 131072}. The handle and the connection
 * stay usable; the caller decides whether to write the range again or give the file up.
 */
public class SmbReplayMismatchException extends SmbException {
    /** The UNC path of the file. */
    private final String path;
    /** Where the resent request starts in the file. */
    private final long offset;
    /** How many bytes the resent request carried. */
    private final long sent;
    /** What the server answered, as words ("Count 131072", "STATUS_DISK_FULL (0xC000007F)"). */
    private final String answer;
    /** The NTSTATUS the server answered with; 0 when it answered success with another Count. */
    private final int status;

    /**
     * A resent request answered otherwise than its first sending needed.
     *
     * @param path the UNC path of the file
     * @param offset where the resent request starts in the file, in bytes
     * @param sent how many bytes it carried
     * @param answer what the server answered, in words
     * @param status the NTSTATUS of the answer, 0 for a success with another Count
     * @param cause the failure the answer made (a status error), or null
     */
    public SmbReplayMismatchException(String path, long offset, long sent, String answer, int status, Throwable cause) {
        super("WRITE " + path + ": " + sent + " bytes at offset " + offset + " sent again after a reconnection, the server answered "
                + answer + "; what the server holds in that range is unknown", cause);
        this.path = path;
        this.offset = offset;
        this.sent = sent;
        this.answer = answer;
        this.status = status;
    }

    /**
     * The file.
     *
     * @return its UNC path
     */
    public String path() {
        return path;
    }

    /**
     * Where the resent WRITE starts.
     *
     * @return the file offset, in bytes
     */
    public long offset() {
        return offset;
    }

    /**
     * What the resent WRITE carried.
     *
     * @return its length, in bytes
     */
    public long sent() {
        return sent;
    }

    /**
     * What the server answered.
     *
     * @return e.g. "Count 131072" or "STATUS_DISK_FULL (0xC000007F)"
     */
    public String answer() {
        return answer;
    }

    /**
     * The status of the answer.
     *
     * @return the NTSTATUS (MS-ERREF 2.3), or 0 when the server answered success with another Count
     */
    public int status() {
        return status;
    }
}
