package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.40 FilePositionInformation (FILE_POSITION_INFORMATION): the current byte offset of the open.
 *
 * @param currentByteOffset CurrentByteOffset (8 bytes)
 */
public record FilePositionInformation(long currentByteOffset) implements FileInformation {
    public static final int SIZE = 8;

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_POSITION_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(currentByteOffset); // CurrentByteOffset (8 bytes)
    }

    public static FilePositionInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FilePositionInformation", "CurrentByteOffset");
        return new FilePositionInformation(in.readLongLE()); // CurrentByteOffset (8 bytes)
    }
}
