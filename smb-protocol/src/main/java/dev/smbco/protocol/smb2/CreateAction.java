package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.14 CREATE response CreateAction. */
public final class CreateAction {
    public static final int SUPERSEDED = 0x00000000;
    public static final int OPENED = 0x00000001;
    public static final int CREATED = 0x00000002;
    public static final int OVERWRITTEN = 0x00000003;
    private CreateAction() {
    }
}
