package dev.smbco.protocol.dtyp;

import java.util.StringJoiner;

/**
 * MS-DTYP 2.4.3 ACCESS_MASK, with the file and directory specific rights of MS-SMB2 2.2.13.1.1
 * and 2.2.13.1.2: constants and a readable rendering.
 */
public final class AccessMask {
    // File specific rights (bits 0-8)
    public static final int FILE_READ_DATA = 0x0000_0001;
    public static final int FILE_WRITE_DATA = 0x0000_0002;
    public static final int FILE_APPEND_DATA = 0x0000_0004;
    public static final int FILE_READ_EA = 0x0000_0008;
    public static final int FILE_WRITE_EA = 0x0000_0010;
    public static final int FILE_EXECUTE = 0x0000_0020;
    public static final int FILE_DELETE_CHILD = 0x0000_0040;
    public static final int FILE_READ_ATTRIBUTES = 0x0000_0080;
    public static final int FILE_WRITE_ATTRIBUTES = 0x0000_0100;
    // Directory aliases of the same bits
    public static final int FILE_LIST_DIRECTORY = FILE_READ_DATA;
    public static final int FILE_ADD_FILE = FILE_WRITE_DATA;
    public static final int FILE_ADD_SUBDIRECTORY = FILE_APPEND_DATA;
    public static final int FILE_TRAVERSE = FILE_EXECUTE;
    // Standard rights (bits 16-20)
    public static final int DELETE = 0x0001_0000;
    public static final int READ_CONTROL = 0x0002_0000;
    public static final int WRITE_DAC = 0x0004_0000;
    public static final int WRITE_OWNER = 0x0008_0000;
    public static final int SYNCHRONIZE = 0x0010_0000;
    // Special and generic rights (bits 24-31)
    public static final int ACCESS_SYSTEM_SECURITY = 0x0100_0000;
    public static final int MAXIMUM_ALLOWED = 0x0200_0000;
    public static final int GENERIC_ALL = 0x1000_0000;
    public static final int GENERIC_EXECUTE = 0x2000_0000;
    public static final int GENERIC_WRITE = 0x4000_0000;
    public static final int GENERIC_READ = 0x8000_0000;
    // Common combinations
    public static final int STANDARD_RIGHTS_REQUIRED = 0x000F_0000;
    public static final int FILE_ALL_ACCESS = 0x001F_01FF;
    public static final int FILE_GENERIC_READ = 0x0012_0089;
    public static final int FILE_GENERIC_WRITE = 0x0012_0116;
    public static final int FILE_GENERIC_EXECUTE = 0x0012_00A0;

    private static final int[] BITS = {FILE_READ_DATA, FILE_WRITE_DATA, FILE_APPEND_DATA, FILE_READ_EA, FILE_WRITE_EA,
            FILE_EXECUTE, FILE_DELETE_CHILD, FILE_READ_ATTRIBUTES, FILE_WRITE_ATTRIBUTES, DELETE, READ_CONTROL, WRITE_DAC,
            WRITE_OWNER, SYNCHRONIZE, ACCESS_SYSTEM_SECURITY, MAXIMUM_ALLOWED, GENERIC_ALL, GENERIC_EXECUTE,
            GENERIC_WRITE, GENERIC_READ};
    private static final String[] NAMES = {"FILE_READ_DATA", "FILE_WRITE_DATA", "FILE_APPEND_DATA", "FILE_READ_EA",
            "FILE_WRITE_EA", "FILE_EXECUTE", "FILE_DELETE_CHILD", "FILE_READ_ATTRIBUTES", "FILE_WRITE_ATTRIBUTES",
            "DELETE", "READ_CONTROL", "WRITE_DAC", "WRITE_OWNER", "SYNCHRONIZE", "ACCESS_SYSTEM_SECURITY",
            "MAXIMUM_ALLOWED", "GENERIC_ALL", "GENERIC_EXECUTE", "GENERIC_WRITE", "GENERIC_READ"};

    private AccessMask() {
    }

    /**
     * The mask as names: {@code FILE_ALL_ACCESS}, {@code FILE_GENERIC_READ}, ... when it equals one
     * of the common combinations, else the single rights joined by '|' in bit order, with any
     * unnamed bits as one hex value at the end; 0 is {@code "0"}.
     */
    public static String toString(int mask) {
        switch (mask) {
            case 0:
                return "0";
            case FILE_ALL_ACCESS:
                return "FILE_ALL_ACCESS";
            case FILE_GENERIC_READ:
                return "FILE_GENERIC_READ";
            case FILE_GENERIC_WRITE:
                return "FILE_GENERIC_WRITE";
            case FILE_GENERIC_EXECUTE:
                return "FILE_GENERIC_EXECUTE";
            default:
                break;
        }
        StringJoiner j = new StringJoiner("|");
        int rest = mask;
        for (int i = 0; i < BITS.length; i++) {
            if ((mask & BITS[i]) != 0) {
                j.add(NAMES[i]);
                rest &= ~BITS[i];
            }
        }
        if (rest != 0) {
            j.add(String.format("0x%08X", rest));
        }
        return j.toString();
    }

    /** The mask as 10-character hex, e.g. {@code 0x001F01FF}. */
    public static String hex(int mask) {
        return String.format("0x%08X", mask);
    }
}
