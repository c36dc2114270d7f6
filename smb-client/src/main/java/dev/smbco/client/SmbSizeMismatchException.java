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
    private final String path;
    private final long expected;
    private final long actual;

    public SmbSizeMismatchException(String path, long expected, long actual) {
        super("CLOSE " + path + ": the server holds " + actual + " bytes, " + expected + " were written");
        this.path = path;
        this.expected = expected;
        this.actual = actual;
    }

    /** The UNC path of the file. */
    public String path() {
        return path;
    }

    /** The size the client wrote. */
    public long expected() {
        return expected;
    }

    /** The size the server reports (its EndOfFile). */
    public long actual() {
        return actual;
    }
}
