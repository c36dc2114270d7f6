package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.12 FileEaInformation (FILE_EA_INFORMATION): size of the extended attributes (query only).
 *
 * @param eaSize EaSize (4 bytes, unsigned): combined length of the file's extended attributes in bytes
 */
public record FileEaInformation(long eaSize) implements FileInformation {
    public static final int SIZE = 4;

    public FileEaInformation {
        Codec.u32(eaSize, "EaSize");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_EA_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE((int) eaSize); // EaSize (4 bytes)
    }

    public static FileEaInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileEaInformation", "EaSize");
        return new FileEaInformation(in.readUnsignedIntLE()); // EaSize (4 bytes)
    }
}
