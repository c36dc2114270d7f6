package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.5.4 FileFsFullSizeInformation (FILE_FS_FULL_SIZE_INFORMATION): volume size, free
 * space for the caller (after quotas) and actual free space, in allocation units.
 *
 * @param totalAllocationUnits           TotalAllocationUnits (8 bytes)
 * @param callerAvailableAllocationUnits CallerAvailableAllocationUnits (8 bytes)
 * @param actualAvailableAllocationUnits ActualAvailableAllocationUnits (8 bytes)
 * @param sectorsPerAllocationUnit       SectorsPerAllocationUnit (4 bytes, unsigned)
 * @param bytesPerSector                 BytesPerSector (4 bytes, unsigned)
 */
public record FileFsFullSizeInformation(long totalAllocationUnits, long callerAvailableAllocationUnits,
                                        long actualAvailableAllocationUnits, long sectorsPerAllocationUnit,
                                        long bytesPerSector) implements FsInformation {
    public static final int SIZE = 32;

    public FileFsFullSizeInformation {
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
    public long callerAvailableBytes() {
        return FsSizes.bytes(callerAvailableAllocationUnits, bytesPerAllocationUnit());
    }

    /** Free bytes on the volume (saturating at Long.MAX_VALUE). */
    public long actualAvailableBytes() {
        return FsSizes.bytes(actualAvailableAllocationUnits, bytesPerAllocationUnit());
    }

    @Override
    public FsInformationClass infoClass() {
        return FsInformationClass.FILE_FS_FULL_SIZE_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(totalAllocationUnits);           // TotalAllocationUnits (8 bytes)
        out.writeLongLE(callerAvailableAllocationUnits); // CallerAvailableAllocationUnits (8 bytes)
        out.writeLongLE(actualAvailableAllocationUnits); // ActualAvailableAllocationUnits (8 bytes)
        out.writeIntLE((int) sectorsPerAllocationUnit);  // SectorsPerAllocationUnit (4 bytes)
        out.writeIntLE((int) bytesPerSector);            // BytesPerSector (4 bytes)
    }

    public static FileFsFullSizeInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileFsFullSizeInformation", "structure");
        long total = in.readLongLE();                 // TotalAllocationUnits (8 bytes)
        long caller = in.readLongLE();                // CallerAvailableAllocationUnits (8 bytes)
        long actual = in.readLongLE();                // ActualAvailableAllocationUnits (8 bytes)
        long sectors = in.readUnsignedIntLE();        // SectorsPerAllocationUnit (4 bytes)
        long bytesPerSector = in.readUnsignedIntLE(); // BytesPerSector (4 bytes)
        return new FileFsFullSizeInformation(total, caller, actual, sectors, bytesPerSector);
    }
}
