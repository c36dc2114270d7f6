package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.5.10 FileFsDeviceInformation (FILE_FS_DEVICE_INFORMATION): device type and characteristics.
 *
 * @param deviceType      DeviceType (4 bytes): e.g. {@link #FILE_DEVICE_DISK}
 * @param characteristics Characteristics (4 bytes): the {@code FILE_*} device characteristic bits below
 */
public record FileFsDeviceInformation(int deviceType, int characteristics) implements FsInformation {
    public static final int SIZE = 8;
    public static final int FILE_DEVICE_CD_ROM = 0x0000_0002;
    public static final int FILE_DEVICE_DISK = 0x0000_0007;
    public static final int FILE_REMOVABLE_MEDIA = 0x0000_0001;
    public static final int FILE_READ_ONLY_DEVICE = 0x0000_0002;
    public static final int FILE_FLOPPY_DISKETTE = 0x0000_0004;
    public static final int FILE_WRITE_ONCE_MEDIA = 0x0000_0008;
    public static final int FILE_REMOTE_DEVICE = 0x0000_0010;
    public static final int FILE_DEVICE_IS_MOUNTED = 0x0000_0020;
    public static final int FILE_VIRTUAL_VOLUME = 0x0000_0040;
    public static final int FILE_DEVICE_SECURE_OPEN = 0x0000_0100;

    @Override
    public FsInformationClass infoClass() {
        return FsInformationClass.FILE_FS_DEVICE_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(deviceType);      // DeviceType (4 bytes)
        out.writeIntLE(characteristics); // Characteristics (4 bytes)
    }

    public static FileFsDeviceInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileFsDeviceInformation", "structure");
        int type = in.readIntLE();            // DeviceType (4 bytes)
        int characteristics = in.readIntLE(); // Characteristics (4 bytes)
        return new FileFsDeviceInformation(type, characteristics);
    }
}
