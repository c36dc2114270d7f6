package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.13 CREATE ImpersonationLevel. */
public final class ImpersonationLevel {
    public static final int ANONYMOUS = 0x00000000;
    public static final int IDENTIFICATION = 0x00000001;
    public static final int IMPERSONATION = 0x00000002;
    public static final int DELEGATE = 0x00000003;
    private ImpersonationLevel() {
    }
}
