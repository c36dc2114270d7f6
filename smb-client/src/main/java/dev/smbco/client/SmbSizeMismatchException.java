package dev.smbco.client;

/**
 * The server holds a different amount of data than was written: after an upload, the CLOSE
 * response's EndOfFile (MS-SMB2 2.2.16, asked for with SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB) differs
 * from the bytes sent, although every WRITE was acknowledged. The data on the server cannot be
 * trusted; the message names both sizes, e.g. {@code CLOSE \\host\share\x.bin: the server holds
 * 65424 bytes, 5000000 were written}. The request that reports it has done its work (the handle
 * is closed); the connection stays up.
 */
public class SmbSizeMismatchException extends SmbException {
    /** The UNC path of the file. */
    private final String path;
    /** The size the client wrote. */
    private final long expected;
    /** The size the server reports. */
    private final long actual;

    /**
     * A size that does not match.
     *
     * @param path the UNC path of the file
     * @param expected the size the client wrote, in bytes
     * @param actual the size the server reports, in bytes
     */
    public SmbSizeMismatchException(String path, long expected, long actual) {
        super("CLOSE " + path + ": the server holds " + actual + " bytes, " + expected + " were written");
        this.path = path;
        this.expected = expected;
        this.actual = actual;
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
     * The size the client wrote.
     *
     * @return the size in bytes
     */
    public long expected() {
        return expected;
    }

    /**
     * The size the server reports: the EndOfFile of its CLOSE response (MS-SMB2 2.2.16), or the
     * count a compounded WRITE took.
     *
     * @return the size in bytes
     */
    public long actual() {
        return actual;
    }
}
