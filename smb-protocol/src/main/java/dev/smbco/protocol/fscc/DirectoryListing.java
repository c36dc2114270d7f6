package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.Collections;
import java.util.List;

/**
 * The OutputBuffer of an SMB2 QUERY_DIRECTORY response (MS-SMB2 2.2.34): a list of directory
 * information entries, each starting on an 8-byte boundary and linked by NextEntryOffset
 * (MS-FSCC 2.4: "each MUST be aligned on an 8-byte boundary ... No padding is required following
 * the last data element").
 */
public final class DirectoryListing {
    /** Entry alignment in a listing. */
    public static final int ALIGNMENT = 8;

    private DirectoryListing() {
    }

    /** Whether {@code c} is a directory listing class that {@link #decode} understands. */
    public static boolean supports(FileInformationClass c) {
        return switch (c) {
            case FILE_DIRECTORY_INFORMATION, FILE_FULL_DIRECTORY_INFORMATION, FILE_BOTH_DIRECTORY_INFORMATION,
                 FILE_ID_BOTH_DIRECTORY_INFORMATION, FILE_ID_FULL_DIRECTORY_INFORMATION, FILE_NAMES_INFORMATION -> true;
            default -> false;
        };
    }

    /**
     * Decodes every entry from the reader index to the writer index of {@code in}.
     *
     * @throws IllegalArgumentException if {@code c} is not a supported directory class (a caller bug)
     */
    public static List<DirectoryEntry> decode(FileInformationClass c, ByteBuf in) {
        return Collections.unmodifiableList(switch (c) {
            case FILE_DIRECTORY_INFORMATION -> FileDirectoryInformation.decodeList(in);
            case FILE_FULL_DIRECTORY_INFORMATION -> FileFullDirectoryInformation.decodeList(in);
            case FILE_BOTH_DIRECTORY_INFORMATION -> FileBothDirectoryInformation.decodeList(in);
            case FILE_ID_BOTH_DIRECTORY_INFORMATION -> FileIdBothDirectoryInformation.decodeList(in);
            case FILE_ID_FULL_DIRECTORY_INFORMATION -> FileIdFullDirectoryInformation.decodeList(in);
            case FILE_NAMES_INFORMATION -> FileNamesInformation.decodeList(in);
            default -> throw new IllegalArgumentException(c + " is not a directory listing class");
        });
    }

    /**
     * Encodes the entries as one listing: 8-byte aligned, NextEntryOffset patched, no padding
     * after the last entry. The entries should all be of one class.
     */
    public static void encode(ByteBuf out, List<? extends DirectoryEntry> entries) {
        EntryChain.<DirectoryEntry>encode(out, entries, ALIGNMENT, DirectoryEntry::encode);
    }
}
