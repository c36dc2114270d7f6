package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.45 FileStandardInformation (FILE_STANDARD_INFORMATION): sizes, link count and
 * whether the open is a directory or pending deletion (query only).
 *
 * @param allocationSize AllocationSize (8 bytes): bytes allocated, a multiple of the cluster size
 * @param endOfFile      EndOfFile (8 bytes): the file size in bytes
 * @param numberOfLinks  NumberOfLinks (4 bytes, unsigned): non-deleted links to the file
 * @param deletePending  DeletePending (1 byte): a delete is pending on the file
 * @param directory      Directory (1 byte): the file is a directory
 */
public record FileStandardInformation(long allocationSize, long endOfFile, long numberOfLinks, boolean deletePending,
                                      boolean directory) implements FileInformation {
    /** Encoded size, including the 2 reserved bytes. */
    public static final int SIZE = 24;
    private static final String NAME = "FileStandardInformation";

    public FileStandardInformation {
        Codec.u32(numberOfLinks, "NumberOfLinks");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_STANDARD_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(allocationSize);            // AllocationSize (8 bytes)
        out.writeLongLE(endOfFile);                 // EndOfFile (8 bytes)
        out.writeIntLE((int) numberOfLinks);        // NumberOfLinks (4 bytes)
        out.writeByte(deletePending ? 1 : 0);       // DeletePending (1 byte)
        out.writeByte(directory ? 1 : 0);           // Directory (1 byte)
        out.writeShortLE(0);                        // Reserved (2 bytes)
    }

    public static FileStandardInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, NAME, "structure");
        long allocationSize = in.readLongLE();      // AllocationSize (8 bytes)
        long endOfFile = in.readLongLE();           // EndOfFile (8 bytes)
        long links = in.readUnsignedIntLE();        // NumberOfLinks (4 bytes)
        boolean deletePending = in.readByte() != 0; // DeletePending (1 byte)
        boolean directory = in.readByte() != 0;     // Directory (1 byte)
        in.skipBytes(2);                            // Reserved (2 bytes)
        return new FileStandardInformation(allocationSize, endOfFile, links, deletePending, directory);
    }
}
