package dev.smbco.client.lease;

/**
 * What a lease lets this client cache (MS-SMB2 2.2.13.2.8 LeaseState): Read caching (serve reads
 * from a cache), Write caching (hold writes back) and Handle caching (keep the handle open after
 * the application closed it). Immutable; compare with {@code equals}.
 *
 * <p>For a server without leasing, an oplock level is shown as the lease state it corresponds to
 * (MS-SMB2 3.2.5.19.1 hints at the same mapping): batch = RWH, exclusive = RW, level II = R.
 */
public final class LeaseState {
    private static final int R_BIT = dev.smbco.protocol.smb2.LeaseState.READ_CACHING;
    private static final int H_BIT = dev.smbco.protocol.smb2.LeaseState.HANDLE_CACHING;
    private static final int W_BIT = dev.smbco.protocol.smb2.LeaseState.WRITE_CACHING;
    private static final LeaseState[] ALL = new LeaseState[8];

    static {
        for (int i = 0; i < ALL.length; i++) {
            ALL[i] = new LeaseState(i);
        }
    }

    /** No caching. */
    public static final LeaseState NONE = ALL[0];
    /** Read caching. */
    public static final LeaseState R = ALL[R_BIT];
    /** Read and handle caching. */
    public static final LeaseState RH = ALL[R_BIT | H_BIT];
    /** Read and write caching. */
    public static final LeaseState RW = ALL[R_BIT | W_BIT];
    /** Read, write and handle caching. */
    public static final LeaseState RWH = ALL[R_BIT | W_BIT | H_BIT];

    private final int bits;

    private LeaseState(int bits) {
        this.bits = bits;
    }

    /**
     * The state of these SMB2_LEASE_*_CACHING bits (MS-SMB2 2.2.13.2.8).
     *
     * @param bits READ_CACHING 0x01, HANDLE_CACHING 0x02, WRITE_CACHING 0x04; bits beyond the three
     *     defined ones are dropped
     * @return one of the eight shared instances
     */
    public static LeaseState of(int bits) {
        return ALL[bits & (R_BIT | H_BIT | W_BIT)];
    }

    /**
     * The SMB2_LEASE_*_CACHING bits, as the LeaseState field of a lease context carries them.
     *
     * @return 0..7: READ_CACHING 0x01 | HANDLE_CACHING 0x02 | WRITE_CACHING 0x04
     */
    public int bits() {
        return bits;
    }

    /**
     * Read caching: reads may be served from a local cache until the server breaks the lease.
     *
     * @return whether the R bit is set
     */
    public boolean readCaching() {
        return (bits & R_BIT) != 0;
    }

    /**
     * Write caching: writes may be held back locally and sent later (before acknowledging a
     * break that takes W away).
     *
     * @return whether the W bit is set
     */
    public boolean writeCaching() {
        return (bits & W_BIT) != 0;
    }

    /**
     * Handle caching: the handle may stay open after the application closed the file, so a
     * reopen needs no round trip.
     *
     * @return whether the H bit is set
     */
    public boolean handleCaching() {
        return (bits & H_BIT) != 0;
    }

    /**
     * This state with only the bits {@code other} also has.
     *
     * @param other another state, not null
     * @return the caching both allow
     */
    public LeaseState intersect(LeaseState other) {
        return of(bits & other.bits);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeaseState s && s.bits == bits;
    }

    @Override
    public int hashCode() {
        return bits;
    }

    /** "R", "RH", "RW", "RWH", ... or "NONE". */
    @Override
    public String toString() {
        if (bits == 0) {
            return "NONE";
        }
        return (readCaching() ? "R" : "") + (writeCaching() ? "W" : "") + (handleCaching() ? "H" : "");
    }
}
