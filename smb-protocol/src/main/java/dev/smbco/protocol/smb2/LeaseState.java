package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.13.2.8 lease state bits (SMB2_LEASE_*_CACHING). */
public final class LeaseState {
    public static final int NONE = 0x00;
    public static final int READ_CACHING = 0x01;
    public static final int HANDLE_CACHING = 0x02;
    public static final int WRITE_CACHING = 0x04;
    private LeaseState() {
    }
}
