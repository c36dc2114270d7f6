package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * MS-FSCC 2.4.33 FileNamesInformation (FILE_NAMES_INFORMATION): a directory listing entry with
 * only the name.
 *
 * @param fileIndex FileIndex (4 bytes)
 * @param fileName  FileNameLength (4 bytes) + FileName (variable, UTF-16LE)
 */
public record FileNamesInformation(int fileIndex, String fileName) implements DirectoryEntry {
    /** NextEntryOffset, FileIndex, FileNameLength. */
    public static final int FIXED_SIZE = 12;
    private static final String NAME = "FileNamesInformation";

    public FileNamesInformation {
        Codec.name(fileName, "fileName");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_NAMES_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(0);                           // NextEntryOffset (4 bytes): patched by the list encoder
        out.writeIntLE(fileIndex);                   // FileIndex (4 bytes)
        out.writeIntLE(Codec.utf16Length(fileName)); // FileNameLength (4 bytes)
        Codec.writeUtf16(out, fileName);             // FileName (variable)
    }

    /** Decodes one entry (its NextEntryOffset is not followed). */
    public static FileNamesInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        in.skipBytes(4);                                                      // NextEntryOffset (4 bytes)
        int fileIndex = in.readIntLE();                                       // FileIndex (4 bytes)
        long nameLength = in.readUnsignedIntLE();                             // FileNameLength (4 bytes)
        String name = Codec.readUtf16(in, nameLength, NAME, "FileNameLength"); // FileName (variable)
        return new FileNamesInformation(fileIndex, name);
    }

    /** Decodes a NextEntryOffset-linked list filling the readable bytes. */
    public static List<FileNamesInformation> decodeList(ByteBuf in) {
        return EntryChain.decode(in, NAME, FIXED_SIZE, FileNamesInformation::decode);
    }
}
