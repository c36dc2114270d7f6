package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * An MS-FSCC 2.4 file information structure: it knows its information class and how to encode
 * itself (the SET_INFO input buffer, or one entry of a listing). Each implementation also has a
 * static {@code decode(ByteBuf)}; {@link #decode(FileInformationClass, ByteBuf)} picks it by class.
 */
public interface FileInformation {
    /** The FileInformationClass this structure belongs to. */
    FileInformationClass infoClass();

    /** Appends the structure at the writer index of {@code out}. */
    void encode(ByteBuf out);

    /** Whether {@link #decode(FileInformationClass, ByteBuf)} handles {@code c}. */
    static boolean supports(FileInformationClass c) {
        return switch (c) {
            case FILE_BASIC_INFORMATION, FILE_STANDARD_INFORMATION, FILE_INTERNAL_INFORMATION, FILE_EA_INFORMATION,
                 FILE_ACCESS_INFORMATION, FILE_POSITION_INFORMATION, FILE_MODE_INFORMATION, FILE_ALIGNMENT_INFORMATION,
                 FILE_ALL_INFORMATION, FILE_NETWORK_OPEN_INFORMATION, FILE_ATTRIBUTE_TAG_INFORMATION,
                 FILE_RENAME_INFORMATION, FILE_LINK_INFORMATION, FILE_DISPOSITION_INFORMATION,
                 FILE_DISPOSITION_INFORMATION_EX, FILE_END_OF_FILE_INFORMATION, FILE_ALLOCATION_INFORMATION,
                 FILE_NAME_INFORMATION -> true;
            default -> false;
        };
    }

    /**
     * Decodes the single structure of class {@code c} (a QUERY_INFO OutputBuffer or a SET_INFO
     * InputBuffer) at the reader index. Lists have their own decoders:
     * {@link DirectoryListing#decode}, {@link FileStreamInformation#decodeList}.
     *
     * @throws IllegalArgumentException if {@link #supports} is false for {@code c} (a caller bug)
     */
    static FileInformation decode(FileInformationClass c, ByteBuf in) {
        return switch (c) {
            case FILE_BASIC_INFORMATION -> FileBasicInformation.decode(in);
            case FILE_STANDARD_INFORMATION -> FileStandardInformation.decode(in);
            case FILE_INTERNAL_INFORMATION -> FileInternalInformation.decode(in);
            case FILE_EA_INFORMATION -> FileEaInformation.decode(in);
            case FILE_ACCESS_INFORMATION -> FileAccessInformation.decode(in);
            case FILE_POSITION_INFORMATION -> FilePositionInformation.decode(in);
            case FILE_MODE_INFORMATION -> FileModeInformation.decode(in);
            case FILE_ALIGNMENT_INFORMATION -> FileAlignmentInformation.decode(in);
            case FILE_ALL_INFORMATION -> FileAllInformation.decode(in);
            case FILE_NETWORK_OPEN_INFORMATION -> FileNetworkOpenInformation.decode(in);
            case FILE_ATTRIBUTE_TAG_INFORMATION -> FileAttributeTagInformation.decode(in);
            case FILE_RENAME_INFORMATION -> FileRenameInformation.decode(in);
            case FILE_LINK_INFORMATION -> FileLinkInformation.decode(in);
            case FILE_DISPOSITION_INFORMATION -> FileDispositionInformation.decode(in);
            case FILE_DISPOSITION_INFORMATION_EX -> FileDispositionInformationEx.decode(in);
            case FILE_END_OF_FILE_INFORMATION -> FileEndOfFileInformation.decode(in);
            case FILE_ALLOCATION_INFORMATION -> FileAllocationInformation.decode(in);
            case FILE_NAME_INFORMATION -> FileNameInformation.decode(in);
            default -> throw new IllegalArgumentException(c + " has no single-structure decoder here"
                    + (DirectoryListing.supports(c) ? " (use DirectoryListing.decode)"
                    : c == FileInformationClass.FILE_STREAM_INFORMATION ? " (use FileStreamInformation.decodeList)" : ""));
        };
    }
}
