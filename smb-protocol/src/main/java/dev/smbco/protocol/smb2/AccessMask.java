package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.13.1 access masks (file/pipe/printer and directory forms) and MS-DTYP 2.4.3 generic rights. */
public final class AccessMask {
    public static final int FILE_READ_DATA = 0x00000001;
    public static final int FILE_LIST_DIRECTORY = 0x00000001;
    public static final int FILE_WRITE_DATA = 0x00000002;
    public static final int FILE_ADD_FILE = 0x00000002;
    public static final int FILE_APPEND_DATA = 0x00000004;
    public static final int FILE_ADD_SUBDIRECTORY = 0x00000004;
    public static final int FILE_READ_EA = 0x00000008;
    public static final int FILE_WRITE_EA = 0x00000010;
    public static final int FILE_EXECUTE = 0x00000020;
    public static final int FILE_TRAVERSE = 0x00000020;
    public static final int FILE_DELETE_CHILD = 0x00000040;
    public static final int FILE_READ_ATTRIBUTES = 0x00000080;
    public static final int FILE_WRITE_ATTRIBUTES = 0x00000100;
    public static final int DELETE = 0x00010000;
    public static final int READ_CONTROL = 0x00020000;
    public static final int WRITE_DAC = 0x00040000;
    public static final int WRITE_OWNER = 0x00080000;
    public static final int SYNCHRONIZE = 0x00100000;
    public static final int ACCESS_SYSTEM_SECURITY = 0x01000000;
    public static final int MAXIMUM_ALLOWED = 0x02000000;
    public static final int GENERIC_ALL = 0x10000000;
    public static final int GENERIC_EXECUTE = 0x20000000;
    public static final int GENERIC_WRITE = 0x40000000;
    public static final int GENERIC_READ = 0x80000000;
    private AccessMask() {
    }
}
