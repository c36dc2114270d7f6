package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * An MS-FSCC 2.5 file system information structure. Each implementation also has a static
 * {@code decode(ByteBuf)}; {@link #decode(FsInformationClass, ByteBuf)} picks it by class.
 */
public interface FsInformation {
    /** The file system information class this structure belongs to. */
    FsInformationClass infoClass();

    /** Appends the structure at the writer index of {@code out}. */
    void encode(ByteBuf out);

    /** Whether {@link #decode(FsInformationClass, ByteBuf)} handles {@code c}. */
    static boolean supports(FsInformationClass c) {
        return switch (c) {
            case FILE_FS_VOLUME_INFORMATION, FILE_FS_SIZE_INFORMATION, FILE_FS_FULL_SIZE_INFORMATION,
                 FILE_FS_ATTRIBUTE_INFORMATION, FILE_FS_DEVICE_INFORMATION -> true;
            default -> false;
        };
    }

    /**
     * Decodes the structure of class {@code c} (a QUERY_INFO OutputBuffer) at the reader index.
     *
     * @throws IllegalArgumentException if {@link #supports} is false for {@code c} (a caller bug)
     */
    static FsInformation decode(FsInformationClass c, ByteBuf in) {
        return switch (c) {
            case FILE_FS_VOLUME_INFORMATION -> FileFsVolumeInformation.decode(in);
            case FILE_FS_SIZE_INFORMATION -> FileFsSizeInformation.decode(in);
            case FILE_FS_FULL_SIZE_INFORMATION -> FileFsFullSizeInformation.decode(in);
            case FILE_FS_ATTRIBUTE_INFORMATION -> FileFsAttributeInformation.decode(in);
            case FILE_FS_DEVICE_INFORMATION -> FileFsDeviceInformation.decode(in);
            default -> throw new IllegalArgumentException(c + " has no decoder here");
        };
    }
}
