package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.3 FileAlignmentInformation (FILE_ALIGNMENT_INFORMATION): buffer alignment the device needs (query only).
 *
 * @param alignmentRequirement AlignmentRequirement (4 bytes): 0 byte, 1 word, 3 long, 7 quad, ... 0x1FF 512-byte
 */
public record FileAlignmentInformation(int alignmentRequirement) implements FileInformation {
    public static final int SIZE = 4;

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_ALIGNMENT_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(alignmentRequirement); // AlignmentRequirement (4 bytes)
    }

    public static FileAlignmentInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileAlignmentInformation", "AlignmentRequirement");
        return new FileAlignmentInformation(in.readIntLE()); // AlignmentRequirement (4 bytes)
    }
}
