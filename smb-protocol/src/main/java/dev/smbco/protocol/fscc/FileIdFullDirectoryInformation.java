package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * MS-FSCC 2.4.23 FileIdFullDirectoryInformation (FILE_ID_FULL_DIR_INFORMATION): a directory
 * listing entry with times, sizes, attributes, EA size and file id.
 *
 * @param fileIndex      FileIndex (4 bytes)
 * @param creationTime   CreationTime (8 bytes): FILETIME
 * @param lastAccessTime LastAccessTime (8 bytes): FILETIME
 * @param lastWriteTime  LastWriteTime (8 bytes): FILETIME
 * @param changeTime     ChangeTime (8 bytes): FILETIME
 * @param endOfFile      EndOfFile (8 bytes)
 * @param allocationSize AllocationSize (8 bytes)
 * @param fileAttributes FileAttributes (4 bytes)
 * @param eaSize         EaSize (4 bytes)
 * @param fileId         FileId (8 bytes), after Reserved (4 bytes)
 * @param fileName       FileNameLength (4 bytes) + FileName (variable, UTF-16LE)
 */
public record FileIdFullDirectoryInformation(int fileIndex, long creationTime, long lastAccessTime, long lastWriteTime,
                                             long changeTime, long endOfFile, long allocationSize, int fileAttributes,
                                             int eaSize, long fileId, String fileName) implements DetailedDirectoryEntry {
    /** NextEntryOffset through FileId. */
    public static final int FIXED_SIZE = 80;
    private static final String NAME = "FileIdFullDirectoryInformation";

    public FileIdFullDirectoryInformation {
        Codec.name(fileName, "fileName");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_ID_FULL_DIRECTORY_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        DirectoryFields.write(out, this); // NextEntryOffset .. FileNameLength (64 bytes)
        out.writeIntLE(eaSize);           // EaSize (4 bytes)
        out.writeIntLE(0);                // Reserved (4 bytes)
        out.writeLongLE(fileId);          // FileId (8 bytes)
        Codec.writeUtf16(out, fileName);  // FileName (variable)
    }

    /** Decodes one entry (its NextEntryOffset is not followed). */
    public static FileIdFullDirectoryInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        DirectoryFields f = DirectoryFields.read(in);
        int eaSize = in.readIntLE();                                                   // EaSize (4 bytes)
        in.skipBytes(4);                                                               // Reserved (4 bytes)
        long fileId = in.readLongLE();                                                 // FileId (8 bytes)
        String name = Codec.readUtf16(in, f.fileNameLength(), NAME, "FileNameLength"); // FileName (variable)
        return new FileIdFullDirectoryInformation(f.fileIndex(), f.creationTime(), f.lastAccessTime(), f.lastWriteTime(),
                f.changeTime(), f.endOfFile(), f.allocationSize(), f.fileAttributes(), eaSize, fileId, name);
    }

    /** Decodes a NextEntryOffset-linked list filling the readable bytes. */
    public static List<FileIdFullDirectoryInformation> decodeList(ByteBuf in) {
        return EntryChain.decode(in, NAME, FIXED_SIZE, FileIdFullDirectoryInformation::decode);
    }
}
