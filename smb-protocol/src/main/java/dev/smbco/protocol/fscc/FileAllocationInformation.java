package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.4 FileAllocationInformation (FILE_ALLOCATION_INFORMATION): sets the allocation size.
 *
 * @param allocationSize AllocationSize (8 bytes): the new allocation size in bytes
 */
public record FileAllocationInformation(long allocationSize) implements FileInformation {
    public static final int SIZE = 8;

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_ALLOCATION_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(allocationSize); // AllocationSize (8 bytes)
    }

    public static FileAllocationInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileAllocationInformation", "AllocationSize");
        return new FileAllocationInformation(in.readLongLE()); // AllocationSize (8 bytes)
    }
}
