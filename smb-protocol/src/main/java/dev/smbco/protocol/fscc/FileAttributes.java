package dev.smbco.protocol.fscc;

import java.util.StringJoiner;

/** MS-FSCC 2.6 File Attributes: the 32-bit FileAttributes bit set. */
public final class FileAttributes {
    public static final int READONLY = 0x0000_0001;
    public static final int HIDDEN = 0x0000_0002;
    public static final int SYSTEM = 0x0000_0004;
    public static final int DIRECTORY = 0x0000_0010;
    public static final int ARCHIVE = 0x0000_0020;
    /** Only valid alone: a file with no other attribute. */
    public static final int NORMAL = 0x0000_0080;
    public static final int TEMPORARY = 0x0000_0100;
    public static final int SPARSE_FILE = 0x0000_0200;
    public static final int REPARSE_POINT = 0x0000_0400;
    public static final int COMPRESSED = 0x0000_0800;
    public static final int OFFLINE = 0x0000_1000;
    public static final int NOT_CONTENT_INDEXED = 0x0000_2000;
    public static final int ENCRYPTED = 0x0000_4000;
    public static final int INTEGRITY_STREAM = 0x0000_8000;
    public static final int NO_SCRUB_DATA = 0x0002_0000;
    public static final int RECALL_ON_OPEN = 0x0004_0000;
    public static final int PINNED = 0x0008_0000;
    public static final int UNPINNED = 0x0010_0000;
    public static final int RECALL_ON_DATA_ACCESS = 0x0040_0000;

    private static final int[] BITS = {READONLY, HIDDEN, SYSTEM, DIRECTORY, ARCHIVE, NORMAL, TEMPORARY, SPARSE_FILE,
            REPARSE_POINT, COMPRESSED, OFFLINE, NOT_CONTENT_INDEXED, ENCRYPTED, INTEGRITY_STREAM, NO_SCRUB_DATA,
            RECALL_ON_OPEN, PINNED, UNPINNED, RECALL_ON_DATA_ACCESS};
    private static final String[] NAMES = {"READONLY", "HIDDEN", "SYSTEM", "DIRECTORY", "ARCHIVE", "NORMAL", "TEMPORARY",
            "SPARSE_FILE", "REPARSE_POINT", "COMPRESSED", "OFFLINE", "NOT_CONTENT_INDEXED", "ENCRYPTED",
            "INTEGRITY_STREAM", "NO_SCRUB_DATA", "RECALL_ON_OPEN", "PINNED", "UNPINNED", "RECALL_ON_DATA_ACCESS"};

    private FileAttributes() {
    }

    /** Whether every bit of {@code flag} is set in {@code attributes}. */
    public static boolean has(int attributes, int flag) {
        return (attributes & flag) == flag;
    }

    /**
     * The attribute names joined by '|' in ascending bit order, e.g. {@code "HIDDEN|DIRECTORY"};
     * unknown bits appear as one hex value at the end ({@code "ARCHIVE|0x01000000"}); 0 is {@code "0"}.
     */
    public static String toString(int attributes) {
        if (attributes == 0) {
            return "0";
        }
        StringJoiner j = new StringJoiner("|");
        int rest = attributes;
        for (int i = 0; i < BITS.length; i++) {
            if ((attributes & BITS[i]) != 0) {
                j.add(NAMES[i]);
                rest &= ~BITS[i];
            }
        }
        if (rest != 0) {
            j.add(String.format("0x%08X", rest));
        }
        return j.toString();
    }
}
