package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.13 CREATE CreateDisposition. */
public final class CreateDisposition {
    public static final int SUPERSEDE = 0x00000000;
    public static final int OPEN = 0x00000001;
    public static final int CREATE = 0x00000002;
    public static final int OPEN_IF = 0x00000003;
    public static final int OVERWRITE = 0x00000004;
    public static final int OVERWRITE_IF = 0x00000005;
    private CreateDisposition() {
    }
}
