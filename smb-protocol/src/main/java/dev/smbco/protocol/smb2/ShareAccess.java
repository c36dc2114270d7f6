package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.13 CREATE ShareAccess. */
public final class ShareAccess {
    public static final int READ = 0x00000001;
    public static final int WRITE = 0x00000002;
    public static final int DELETE = 0x00000004;
    public static final int ALL = READ | WRITE | DELETE;
    private ShareAccess() {
    }
}
