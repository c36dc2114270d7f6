package dev.smbco.client.rpc;

/** The base type of a share (MS-SRVS 2.2.2.4), as {@code smbclient -L} shows it. */
public enum ShareType {
    /** STYPE_DISKTREE: a disk drive. */
    DISK("Disk"),
    /** STYPE_PRINTQ: a print queue. */
    PRINTER("Printer"),
    /** STYPE_DEVICE: a communication device. */
    DEVICE("Device"),
    /** STYPE_IPC: interprocess communication (IPC$). */
    IPC("IPC"),
    /** A base type MS-SRVS does not define. */
    UNKNOWN("Unknown");

    private final String label;

    ShareType(String label) {
        this.label = label;
    }

    /**
     * The word {@code smbclient -L} prints for this type.
     *
     * @return Disk, Printer, Device, IPC or Unknown
     */
    public String label() {
        return label;
    }

    /**
     * The base type of a shi1_type value, ignoring the STYPE_SPECIAL, STYPE_TEMPORARY and cluster bits.
     *
     * @param flags the raw shi1_type
     * @return the base type; {@link #UNKNOWN} for a value MS-SRVS does not define
     */
    public static ShareType of(int flags) {
        return switch (flags & ShareInfo.BASE_TYPE_MASK) {
            case 0 -> DISK;
            case 1 -> PRINTER;
            case 2 -> DEVICE;
            case 3 -> IPC;
            default -> UNKNOWN;
        };
    }
}
