package dev.smbco.cli.remote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CLI shows about a remote file or directory.
 *
 * @param name       the last path segment ({@code ""} for a share root)
 * @param path       the path below the share, {@code /}-separated
 * @param directory  whether it is a directory
 * @param size       end of file in bytes (0 for directories)
 * @param created    creation time, or null when unknown
 * @param modified   last write time, or null
 * @param accessed   last access time, or null
 * @param changed    change time, or null
 * @param attributes MS-FSCC 2.6 file attributes
 */
public record FileInfo(String name, String path, boolean directory, long size, Instant created, Instant modified,
                       Instant accessed, Instant changed, int attributes) {

    /** MS-FSCC 2.6 FILE_ATTRIBUTE_* bits with their names, in display order. */
    private static final int[] BITS = {0x1, 0x2, 0x4, 0x10, 0x20, 0x80, 0x100, 0x200, 0x400, 0x800, 0x1000, 0x2000, 0x4000};
    private static final String[] NAMES = {"READONLY", "HIDDEN", "SYSTEM", "DIRECTORY", "ARCHIVE", "NORMAL", "TEMPORARY",
        "SPARSE_FILE", "REPARSE_POINT", "COMPRESSED", "OFFLINE", "NOT_CONTENT_INDEXED", "ENCRYPTED"};

    /** The names of the set attribute bits, e.g. {@code [ARCHIVE, READONLY]} in MS-FSCC order. */
    public List<String> attributeNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            if ((attributes & BITS[i]) != 0) {
                names.add(NAMES[i]);
            }
        }
        return names;
    }

    /** "directory" or "file". */
    public String type() {
        return directory ? "directory" : "file";
    }

    /** This entry under another name and path (a listing's entries know only their name). */
    public FileInfo at(String newName, String newPath) {
        return new FileInfo(newName, newPath, directory, size, created, modified, accessed, changed, attributes);
    }
}
