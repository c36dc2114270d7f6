package dev.smbco.protocol.fscc;

/**
 * One entry of an SMB2 QUERY_DIRECTORY listing (MS-FSCC directory information classes). Every
 * class carries the name and FileIndex; all but {@link FileNamesInformation} also carry times,
 * sizes and attributes ({@link DetailedDirectoryEntry}).
 *
 * <p>{@link #encode} writes one entry with NextEntryOffset 0; lists are written and read with
 * {@link DirectoryListing}, which links, aligns and bounds the entries.
 */
public sealed interface DirectoryEntry extends FileInformation permits DetailedDirectoryEntry, FileNamesInformation {
    /** FileIndex (4 bytes): position in the directory; undefined (usually 0) on NTFS. */
    int fileIndex();

    /** FileName: the entry's name (no path), decoded from UTF-16LE. */
    String fileName();
}
