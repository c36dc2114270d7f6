package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.6 FileAttributeTagInformation (FILE_ATTRIBUTE_TAG_INFORMATION): attributes and
 * reparse tag (query only).
 *
 * @param fileAttributes FileAttributes (4 bytes): {@link FileAttributes} bits
 * @param reparseTag     ReparseTag (4 bytes): the reparse point tag when REPARSE_POINT is set, else 0
 */
public record FileAttributeTagInformation(int fileAttributes, int reparseTag) implements FileInformation {
    public static final int SIZE = 8;

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_ATTRIBUTE_TAG_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(fileAttributes); // FileAttributes (4 bytes)
        out.writeIntLE(reparseTag);     // ReparseTag (4 bytes)
    }

    public static FileAttributeTagInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileAttributeTagInformation", "structure");
        int attributes = in.readIntLE(); // FileAttributes (4 bytes)
        int tag = in.readIntLE();        // ReparseTag (4 bytes)
        return new FileAttributeTagInformation(attributes, tag);
    }
}
