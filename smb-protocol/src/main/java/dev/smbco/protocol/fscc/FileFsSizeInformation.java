package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.5.8 FileFsSizeInformation (FILE_FS_SIZE_INFORMATION): volume size and free space in
 * allocation units.
 *
 * @param totalAllocationUnits     TotalAllocationUnits (8 bytes)
 * @param availableAllocationUnits AvailableAllocationUnits (8 bytes): free units available to the caller
 * @param sectorsPerAllocationUnit SectorsPerAllocationUnit (4 bytes, unsigned)
 * @param bytesPerSector           BytesPerSector (4 bytes, unsigned)
 */
public record FileFsSizeInformation(long totalAllocationUnits, long availableAllocationUnits,
                                    long sectorsPerAllocationUnit, long bytesPerSector) implements FsInformation {
    public static final int SIZE = 24;

    public FileFsSizeInformation {
        Codec.u32(sectorsPerAllocationUnit, "SectorsPerAllocationUnit");
        Codec.u32(bytesPerSector, "BytesPerSector");
    }

    /** Bytes per allocation unit (cluster). */
    public long bytesPerAllocationUnit() {
        return sectorsPerAllocationUnit * bytesPerSector;
    }

    /** Total size in bytes (saturating at Long.MAX_VALUE). */
    public long totalBytes() {
        return FsSizes.bytes(totalAllocationUnits, bytesPerAllocationUnit());
    }

    /** Free bytes available to the caller (saturating at Long.MAX_VALUE). */
    public long availableBytes() {
        return FsSizes.bytes(availableAllocationUnits, bytesPerAllocationUnit());
    }

    @Override
    public FsInformationClass infoClass() {
        return FsInformationClass.FILE_FS_SIZE_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(totalAllocationUnits);         // TotalAllocationUnits (8 bytes)
        out.writeLongLE(availableAllocationUnits);     // AvailableAllocationUnits (8 bytes)
        out.writeIntLE((int) sectorsPerAllocationUnit); // SectorsPerAllocationUnit (4 bytes)
        out.writeIntLE((int) bytesPerSector);           // BytesPerSector (4 bytes)
    }

    public static FileFsSizeInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileFsSizeInformation", "structure");
        long total = in.readLongLE();             // TotalAllocationUnits (8 bytes)
        long available = in.readLongLE();         // AvailableAllocationUnits (8 bytes)
        long sectors = in.readUnsignedIntLE();    // SectorsPerAllocationUnit (4 bytes)
        long bytesPerSector = in.readUnsignedIntLE(); // BytesPerSector (4 bytes)
        return new FileFsSizeInformation(total, available, sectors, bytesPerSector);
    }
}
