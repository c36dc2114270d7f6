package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.13 / 2.2.14 / 2.2.23 RequestedOplockLevel / OplockLevel. */
public final class OplockLevel {
    public static final int NONE = 0x00;
    public static final int II = 0x01;
    public static final int EXCLUSIVE = 0x08;
    public static final int BATCH = 0x09;
    /** A lease is requested/granted through the RqLs create context instead. */
    public static final int LEASE = 0xFF;
    private OplockLevel() {
    }
}
