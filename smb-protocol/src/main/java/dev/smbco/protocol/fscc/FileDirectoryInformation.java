package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * MS-FSCC 2.4.10 FileDirectoryInformation (FILE_DIRECTORY_INFORMATION): one directory listing
 * entry with times, sizes and attributes. Entries are linked by NextEntryOffset and 8-byte aligned.
 *
 * @param fileIndex      FileIndex (4 bytes)
 * @param creationTime   CreationTime (8 bytes): FILETIME
 * @param lastAccessTime LastAccessTime (8 bytes): FILETIME
 * @param lastWriteTime  LastWriteTime (8 bytes): FILETIME
 * @param changeTime     ChangeTime (8 bytes): FILETIME
 * @param endOfFile      EndOfFile (8 bytes)
 * @param allocationSize AllocationSize (8 bytes)
 * @param fileAttributes FileAttributes (4 bytes)
 * @param fileName       FileNameLength (4 bytes) + FileName (variable, UTF-16LE)
 */
public record FileDirectoryInformation(int fileIndex, long creationTime, long lastAccessTime, long lastWriteTime,
                                       long changeTime, long endOfFile, long allocationSize, int fileAttributes,
                                       String fileName) implements DetailedDirectoryEntry {
    /** NextEntryOffset through FileNameLength. */
    public static final int FIXED_SIZE = 64;
    private static final String NAME = "FileDirectoryInformation";

    public FileDirectoryInformation {
        Codec.name(fileName, "fileName");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_DIRECTORY_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        DirectoryFields.write(out, this); // NextEntryOffset .. FileNameLength (64 bytes)
        Codec.writeUtf16(out, fileName);  // FileName (variable)
    }

    /** Decodes one entry (its NextEntryOffset is not followed). */
    public static FileDirectoryInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        DirectoryFields f = DirectoryFields.read(in);
        String name = Codec.readUtf16(in, f.fileNameLength(), NAME, "FileNameLength"); // FileName (variable)
        return new FileDirectoryInformation(f.fileIndex(), f.creationTime(), f.lastAccessTime(), f.lastWriteTime(),
                f.changeTime(), f.endOfFile(), f.allocationSize(), f.fileAttributes(), name);
    }

    /** Decodes a NextEntryOffset-linked list filling the readable bytes. */
    public static List<FileDirectoryInformation> decodeList(ByteBuf in) {
        return EntryChain.decode(in, NAME, FIXED_SIZE, FileDirectoryInformation::decode);
    }
}
