package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.10 TREE_CONNECT response Capabilities (SMB2_SHARE_CAP_*). */
public final class ShareCapabilities {
    public static final int DFS = 0x00000008;
    public static final int CONTINUOUS_AVAILABILITY = 0x00000010;
    public static final int SCALEOUT = 0x00000020;
    public static final int CLUSTER = 0x00000040;
    public static final int ASYMMETRIC = 0x00000080;
    public static final int REDIRECT_TO_OWNER = 0x00000100;
    private ShareCapabilities() {
    }
}
