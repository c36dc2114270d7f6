package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * MS-FSCC 2.4.8 FileBothDirectoryInformation (FILE_BOTH_DIR_INFORMATION): a directory listing
 * entry with times, sizes, attributes, EA size and the 8.3 short name.
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
 * @param shortName      ShortNameLength (1 byte) + Reserved (1 byte) + ShortName (24 bytes): at most 12 chars, "" if none
 * @param fileName       FileNameLength (4 bytes) + FileName (variable, UTF-16LE)
 */
public record FileBothDirectoryInformation(int fileIndex, long creationTime, long lastAccessTime, long lastWriteTime,
                                           long changeTime, long endOfFile, long allocationSize, int fileAttributes,
                                           int eaSize, String shortName, String fileName)
        implements DetailedDirectoryEntry {
    /** NextEntryOffset through ShortName. */
    public static final int FIXED_SIZE = 94;
    private static final String NAME = "FileBothDirectoryInformation";

    public FileBothDirectoryInformation {
        ShortName.check(shortName);
        Codec.name(fileName, "fileName");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_BOTH_DIRECTORY_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        DirectoryFields.write(out, this); // NextEntryOffset .. FileNameLength (64 bytes)
        out.writeIntLE(eaSize);           // EaSize (4 bytes)
        ShortName.write(out, shortName);  // ShortNameLength (1), Reserved (1), ShortName (24)
        Codec.writeUtf16(out, fileName);  // FileName (variable)
    }

    /** Decodes one entry (its NextEntryOffset is not followed). */
    public static FileBothDirectoryInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        DirectoryFields f = DirectoryFields.read(in);
        int eaSize = in.readIntLE();                                                   // EaSize (4 bytes)
        String shortName = ShortName.read(in, NAME);                                   // ShortNameLength, Reserved, ShortName
        String name = Codec.readUtf16(in, f.fileNameLength(), NAME, "FileNameLength"); // FileName (variable)
        return new FileBothDirectoryInformation(f.fileIndex(), f.creationTime(), f.lastAccessTime(), f.lastWriteTime(),
                f.changeTime(), f.endOfFile(), f.allocationSize(), f.fileAttributes(), eaSize, shortName, name);
    }

    /** Decodes a NextEntryOffset-linked list filling the readable bytes. */
    public static List<FileBothDirectoryInformation> decodeList(ByteBuf in) {
        return EntryChain.decode(in, NAME, FIXED_SIZE, FileBothDirectoryInformation::decode);
    }
}
