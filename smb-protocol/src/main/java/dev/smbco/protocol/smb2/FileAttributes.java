package dev.smbco.protocol.smb2;

/** MS-FSCC 2.6 file attributes as used by CREATE, CLOSE and the information classes. */
public final class FileAttributes {
    public static final int READONLY = 0x00000001;
    public static final int HIDDEN = 0x00000002;
    public static final int SYSTEM = 0x00000004;
    public static final int DIRECTORY = 0x00000010;
    public static final int ARCHIVE = 0x00000020;
    public static final int NORMAL = 0x00000080;
    public static final int TEMPORARY = 0x00000100;
    public static final int SPARSE_FILE = 0x00000200;
    public static final int REPARSE_POINT = 0x00000400;
    public static final int COMPRESSED = 0x00000800;
    public static final int OFFLINE = 0x00001000;
    public static final int NOT_CONTENT_INDEXED = 0x00002000;
    public static final int ENCRYPTED = 0x00004000;
    public static final int INTEGRITY_STREAM = 0x00008000;
    public static final int NO_SCRUB_DATA = 0x00020000;
    public static final int RECALL_ON_OPEN = 0x00040000;
    public static final int PINNED = 0x00080000;
    public static final int UNPINNED = 0x00100000;
    public static final int RECALL_ON_DATA_ACCESS = 0x00400000;
    private FileAttributes() {
    }
}
