package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.5.1 FileFsAttributeInformation (FILE_FS_ATTRIBUTE_INFORMATION): file system
 * capabilities, longest name component and the file system's name (e.g. "NTFS").
 *
 * @param fileSystemAttributes       FileSystemAttributes (4 bytes): the {@code FILE_*} capability bits below
 * @param maximumComponentNameLength MaximumComponentNameLength (4 bytes, signed): longest name component in characters
 * @param fileSystemName             FileSystemNameLength (4 bytes) + FileSystemName (variable, UTF-16LE)
 */
public record FileFsAttributeInformation(int fileSystemAttributes, int maximumComponentNameLength,
                                         String fileSystemName) implements FsInformation {
    public static final int FIXED_SIZE = 12;
    public static final int FILE_CASE_SENSITIVE_SEARCH = 0x0000_0001;
    public static final int FILE_CASE_PRESERVED_NAMES = 0x0000_0002;
    public static final int FILE_UNICODE_ON_DISK = 0x0000_0004;
    public static final int FILE_PERSISTENT_ACLS = 0x0000_0008;
    public static final int FILE_FILE_COMPRESSION = 0x0000_0010;
    public static final int FILE_VOLUME_QUOTAS = 0x0000_0020;
    public static final int FILE_SUPPORTS_SPARSE_FILES = 0x0000_0040;
    public static final int FILE_SUPPORTS_REPARSE_POINTS = 0x0000_0080;
    public static final int FILE_SUPPORTS_REMOTE_STORAGE = 0x0000_0100;
    public static final int FILE_VOLUME_IS_COMPRESSED = 0x0000_8000;
    public static final int FILE_SUPPORTS_OBJECT_IDS = 0x0001_0000;
    public static final int FILE_SUPPORTS_ENCRYPTION = 0x0002_0000;
    public static final int FILE_NAMED_STREAMS = 0x0004_0000;
    public static final int FILE_READ_ONLY_VOLUME = 0x0008_0000;
    public static final int FILE_SEQUENTIAL_WRITE_ONCE = 0x0010_0000;
    public static final int FILE_SUPPORTS_TRANSACTIONS = 0x0020_0000;
    public static final int FILE_SUPPORTS_HARD_LINKS = 0x0040_0000;
    public static final int FILE_SUPPORTS_EXTENDED_ATTRIBUTES = 0x0080_0000;
    public static final int FILE_SUPPORTS_OPEN_BY_FILE_ID = 0x0100_0000;
    public static final int FILE_SUPPORTS_USN_JOURNAL = 0x0200_0000;
    public static final int FILE_SUPPORT_INTEGRITY_STREAMS = 0x0400_0000;
    public static final int FILE_SUPPORTS_BLOCK_REFCOUNTING = 0x0800_0000;
    public static final int FILE_SUPPORTS_SPARSE_VDL = 0x1000_0000;
    private static final String NAME = "FileFsAttributeInformation";

    public FileFsAttributeInformation {
        Codec.name(fileSystemName, "fileSystemName");
    }

    /** Whether every bit of {@code flag} is set in FileSystemAttributes. */
    public boolean has(int flag) {
        return (fileSystemAttributes & flag) == flag;
    }

    @Override
    public FsInformationClass infoClass() {
        return FsInformationClass.FILE_FS_ATTRIBUTE_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(fileSystemAttributes);              // FileSystemAttributes (4 bytes)
        out.writeIntLE(maximumComponentNameLength);        // MaximumComponentNameLength (4 bytes)
        out.writeIntLE(Codec.utf16Length(fileSystemName)); // FileSystemNameLength (4 bytes)
        Codec.writeUtf16(out, fileSystemName);             // FileSystemName (variable)
    }

    public static FileFsAttributeInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        int attributes = in.readIntLE();                                           // FileSystemAttributes (4 bytes)
        int maxComponent = in.readIntLE();                                         // MaximumComponentNameLength (4 bytes)
        long nameLength = in.readUnsignedIntLE();                                  // FileSystemNameLength (4 bytes)
        String name = Codec.readUtf16(in, nameLength, NAME, "FileSystemNameLength"); // FileSystemName (variable)
        return new FileFsAttributeInformation(attributes, maxComponent, name);
    }
}
