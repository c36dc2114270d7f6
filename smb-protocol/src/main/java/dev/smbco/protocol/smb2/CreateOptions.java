package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.13 CREATE CreateOptions. */
public final class CreateOptions {
    public static final int DIRECTORY_FILE = 0x00000001;
    public static final int WRITE_THROUGH = 0x00000002;
    public static final int SEQUENTIAL_ONLY = 0x00000004;
    public static final int NO_INTERMEDIATE_BUFFERING = 0x00000008;
    public static final int SYNCHRONOUS_IO_ALERT = 0x00000010;
    public static final int SYNCHRONOUS_IO_NONALERT = 0x00000020;
    public static final int NON_DIRECTORY_FILE = 0x00000040;
    public static final int COMPLETE_IF_OPLOCKED = 0x00000100;
    public static final int NO_EA_KNOWLEDGE = 0x00000200;
    public static final int OPEN_REMOTE_INSTANCE = 0x00000400;
    public static final int RANDOM_ACCESS = 0x00000800;
    public static final int DELETE_ON_CLOSE = 0x00001000;
    public static final int OPEN_BY_FILE_ID = 0x00002000;
    public static final int OPEN_FOR_BACKUP_INTENT = 0x00004000;
    public static final int NO_COMPRESSION = 0x00008000;
    public static final int OPEN_REQUIRING_OPLOCK = 0x00010000;
    public static final int DISALLOW_EXCLUSIVE = 0x00020000;
    public static final int RESERVE_OPFILTER = 0x00100000;
    public static final int OPEN_REPARSE_POINT = 0x00200000;
    public static final int OPEN_NO_RECALL = 0x00400000;
    public static final int OPEN_FOR_FREE_SPACE_QUERY = 0x00800000;
    private CreateOptions() {
    }
}
