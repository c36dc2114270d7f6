package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.26 FileInternalInformation (FILE_INTERNAL_INFORMATION): the file id (query only).
 *
 * @param indexNumber IndexNumber (8 bytes): the 64-bit file reference number on its volume
 */
public record FileInternalInformation(long indexNumber) implements FileInformation {
    public static final int SIZE = 8;

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_INTERNAL_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(indexNumber); // IndexNumber (8 bytes)
    }

    public static FileInternalInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileInternalInformation", "IndexNumber");
        return new FileInternalInformation(in.readLongLE()); // IndexNumber (8 bytes)
    }
}
