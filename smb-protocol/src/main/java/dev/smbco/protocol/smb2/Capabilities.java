package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.3 / 2.2.4 / 2.2.5 global Capabilities bits (SMB2_GLOBAL_CAP_*). */
public final class Capabilities {
    public static final int DFS = 0x00000001;
    public static final int LEASING = 0x00000002;
    public static final int LARGE_MTU = 0x00000004;
    public static final int MULTI_CHANNEL = 0x00000008;
    public static final int PERSISTENT_HANDLES = 0x00000010;
    public static final int DIRECTORY_LEASING = 0x00000020;
    public static final int ENCRYPTION = 0x00000040;
    public static final int NOTIFICATIONS = 0x00000080;
    private Capabilities() {
    }
}
