package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.5.9 FileFsVolumeInformation (FILE_FS_VOLUME_INFORMATION): volume creation time,
 * serial number and label.
 *
 * @param volumeCreationTime VolumeCreationTime (8 bytes): FILETIME
 * @param volumeSerialNumber VolumeSerialNumber (4 bytes)
 * @param supportsObjects    SupportsObjects (1 byte): the file system supports object ids; then Reserved (1 byte)
 * @param volumeLabel        VolumeLabelLength (4 bytes) + VolumeLabel (variable, UTF-16LE)
 */
public record FileFsVolumeInformation(long volumeCreationTime, int volumeSerialNumber, boolean supportsObjects,
                                      String volumeLabel) implements FsInformation {
    /** Everything before VolumeLabel. */
    public static final int FIXED_SIZE = 18;
    private static final String NAME = "FileFsVolumeInformation";

    public FileFsVolumeInformation {
        Codec.name(volumeLabel, "volumeLabel");
    }

    @Override
    public FsInformationClass infoClass() {
        return FsInformationClass.FILE_FS_VOLUME_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(volumeCreationTime);            // VolumeCreationTime (8 bytes)
        out.writeIntLE(volumeSerialNumber);             // VolumeSerialNumber (4 bytes)
        out.writeIntLE(Codec.utf16Length(volumeLabel)); // VolumeLabelLength (4 bytes)
        out.writeByte(supportsObjects ? 1 : 0);         // SupportsObjects (1 byte)
        out.writeByte(0);                               // Reserved (1 byte)
        Codec.writeUtf16(out, volumeLabel);             // VolumeLabel (variable)
    }

    public static FileFsVolumeInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        long created = in.readLongLE();                                             // VolumeCreationTime (8 bytes)
        int serial = in.readIntLE();                                                // VolumeSerialNumber (4 bytes)
        long labelLength = in.readUnsignedIntLE();                                  // VolumeLabelLength (4 bytes)
        boolean objects = in.readByte() != 0;                                       // SupportsObjects (1 byte)
        in.skipBytes(1);                                                            // Reserved (1 byte)
        String label = Codec.readUtf16(in, labelLength, NAME, "VolumeLabelLength"); // VolumeLabel (variable)
        return new FileFsVolumeInformation(created, serial, objects, label);
    }
}
