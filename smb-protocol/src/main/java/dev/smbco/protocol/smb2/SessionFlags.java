package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.5 request Flags and 2.2.6 response SessionFlags of SESSION_SETUP. */
public final class SessionFlags {
    /** Request Flags: SMB2_SESSION_FLAG_BINDING, bind this connection to an existing session (multichannel). */
    public static final int BINDING = 0x01;
    /** Response: SMB2_SESSION_FLAG_IS_GUEST. */
    public static final int IS_GUEST = 0x0001;
    /** Response: SMB2_SESSION_FLAG_IS_NULL (anonymous). */
    public static final int IS_NULL = 0x0002;
    /** Response: SMB2_SESSION_FLAG_ENCRYPT_DATA, the server requires encryption for this session. */
    public static final int ENCRYPT_DATA = 0x0004;
    private SessionFlags() {
    }
}
