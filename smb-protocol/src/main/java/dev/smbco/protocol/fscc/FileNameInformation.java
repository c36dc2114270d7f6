package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.32 FileNameInformation (FILE_NAME_INFORMATION): a file name; the same layout
 * answers FileAlternateNameInformation (the 8.3 name) and FileNormalizedNameInformation.
 *
 * @param fileName FileNameLength (4 bytes) + FileName (variable, UTF-16LE)
 */
public record FileNameInformation(String fileName) implements FileInformation {
    public static final int FIXED_SIZE = 4;

    public FileNameInformation {
        Codec.name(fileName, "fileName");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_NAME_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(Codec.utf16Length(fileName)); // FileNameLength (4 bytes)
        Codec.writeUtf16(out, fileName);             // FileName (variable)
    }

    public static FileNameInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, "FileNameInformation", "FileNameLength");
        long length = in.readUnsignedIntLE();                                                 // FileNameLength (4 bytes)
        return new FileNameInformation(Codec.readUtf16(in, length, "FileNameInformation", "FileNameLength")); // FileName
    }
}
