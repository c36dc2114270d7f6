package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.30 FileModeInformation (FILE_MODE_INFORMATION): the open's mode flags.
 *
 * @param mode Mode (4 bytes): the {@code FILE_*} flags below
 */
public record FileModeInformation(int mode) implements FileInformation {
    public static final int SIZE = 4;
    public static final int FILE_WRITE_THROUGH = 0x0000_0002;
    public static final int FILE_SEQUENTIAL_ONLY = 0x0000_0004;
    public static final int FILE_NO_INTERMEDIATE_BUFFERING = 0x0000_0008;
    public static final int FILE_SYNCHRONOUS_IO_ALERT = 0x0000_0010;
    public static final int FILE_SYNCHRONOUS_IO_NONALERT = 0x0000_0020;
    public static final int FILE_DELETE_ON_CLOSE = 0x0000_1000;

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_MODE_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(mode); // Mode (4 bytes)
    }

    public static FileModeInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileModeInformation", "Mode");
        return new FileModeInformation(in.readIntLE()); // Mode (4 bytes)
    }
}
