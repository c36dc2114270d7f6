package dev.smbco.client;

/**
 * A request charges more credits than the server lets this connection hold now, and nothing is
 * in flight whose answer could grant more (MS-SMB2 3.2.4.1.5, 3.1.5.2): it can never be sent as it
 * is. The connection itself is fine and stays open.
 *
 * <p>READs and WRITEs never end with it: they are sent again in smaller pieces, down to the 64 KiB
 * that the one credit MS-SMB2 3.3.1.2 guarantees always carries (slower, never stuck). Other
 * requests (a large IOCTL or directory query, say) fail with it at once, naming the charge and
 * the grant, instead of waiting for a grant that cannot come.
 */
public class SmbCreditShortfallException extends SmbProtocolException {
    /** The credits the request charges. */
    private final int charge;
    /** The credits the connection held when the request could not be sent. */
    private final int granted;

    /**
     * With the numbers the message names.
     *
     * @param message what could not be sent, and why
     * @param charge the credits the request charges
     * @param granted the credits the connection holds now
     */
    public SmbCreditShortfallException(String message, int charge, int granted) {
        super(message);
        this.charge = charge;
        this.granted = granted;
    }

    /**
     * The request's charge.
     *
     * @return the credits the request charges
     */
    public int charge() {
        return charge;
    }

    /**
     * What the server granted.
     *
     * @return the credits the connection held when the request could not be sent
     */
    public int granted() {
        return granted;
    }
}
