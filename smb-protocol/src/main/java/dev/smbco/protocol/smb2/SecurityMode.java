package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.3 / 2.2.5 SecurityMode bits (NEGOTIATE: 2 bytes, SESSION_SETUP: 1 byte). */
public final class SecurityMode {
    public static final int SIGNING_ENABLED = 0x0001;
    public static final int SIGNING_REQUIRED = 0x0002;
    private SecurityMode() {
    }
}
