package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.31 / MS-FSCC 2.3: the IOCTL CtlCode values an SMB2 client uses. */
public final class Fsctl {
    public static final int FSCTL_DFS_GET_REFERRALS = 0x00060194;
    public static final int FSCTL_DFS_GET_REFERRALS_EX = 0x000601B0;
    public static final int FSCTL_PIPE_PEEK = 0x0011400C;
    public static final int FSCTL_PIPE_WAIT = 0x00110018;
    public static final int FSCTL_PIPE_TRANSCEIVE = 0x0011C017;
    public static final int FSCTL_SRV_COPYCHUNK = 0x001440F2;
    public static final int FSCTL_SRV_ENUMERATE_SNAPSHOTS = 0x00144064;
    public static final int FSCTL_SRV_REQUEST_RESUME_KEY = 0x00140078;
    public static final int FSCTL_SRV_READ_HASH = 0x001441BB;
    public static final int FSCTL_SRV_COPYCHUNK_WRITE = 0x001480F2;
    public static final int FSCTL_LMR_REQUEST_RESILIENCY = 0x001401D4;
    public static final int FSCTL_QUERY_NETWORK_INTERFACE_INFO = 0x001401FC;
    public static final int FSCTL_SET_REPARSE_POINT = 0x000900A4;
    public static final int FSCTL_GET_REPARSE_POINT = 0x000900A8;
    public static final int FSCTL_SET_SPARSE = 0x000900C4;
    public static final int FSCTL_SET_ZERO_DATA = 0x000980C8;
    public static final int FSCTL_QUERY_ALLOCATED_RANGES = 0x000940CF;
    public static final int FSCTL_VALIDATE_NEGOTIATE_INFO = 0x00140204;

    private Fsctl() {
    }
}
