package dev.smbco.protocol.fscc;

import dev.smbco.protocol.dtyp.AccessMask;
import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.1 FileAccessInformation (FILE_ACCESS_INFORMATION): the access granted to the open (query only).
 *
 * @param accessFlags AccessFlags (4 bytes): an ACCESS_MASK, see {@link AccessMask}
 */
public record FileAccessInformation(int accessFlags) implements FileInformation {
    public static final int SIZE = 4;

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_ACCESS_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(accessFlags); // AccessFlags (4 bytes)
    }

    public static FileAccessInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileAccessInformation", "AccessFlags");
        return new FileAccessInformation(in.readIntLE()); // AccessFlags (4 bytes)
    }

    @Override
    public String toString() {
        return "FileAccessInformation[" + AccessMask.toString(accessFlags) + "]";
    }
}
