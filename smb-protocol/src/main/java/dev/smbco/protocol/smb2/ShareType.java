package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.10 TREE_CONNECT response ShareType. */
public final class ShareType {
    public static final int DISK = 0x01;
    public static final int PIPE = 0x02;
    public static final int PRINT = 0x03;
    private ShareType() {
    }
}
