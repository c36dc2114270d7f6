package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.37 / 2.2.39 QUERY_INFO and SET_INFO InfoType. */
public final class InfoType {
    public static final int FILE = 0x01;
    public static final int FILESYSTEM = 0x02;
    public static final int SECURITY = 0x03;
    public static final int QUOTA = 0x04;
    private InfoType() {
    }
}
