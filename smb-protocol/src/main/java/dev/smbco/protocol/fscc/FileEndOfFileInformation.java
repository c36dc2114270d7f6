package dev.smbco.protocol.fscc;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.13 FileEndOfFileInformation (FILE_END_OF_FILE_INFORMATION): sets the file size
 * (truncates or extends).
 *
 * @param endOfFile EndOfFile (8 bytes): the new size in bytes, at least 0
 */
public record FileEndOfFileInformation(long endOfFile) implements FileInformation {
    public static final int SIZE = 8;

    public FileEndOfFileInformation {
        if (endOfFile < 0) {
            throw new IllegalArgumentException("EndOfFile must not be negative: " + endOfFile);
        }
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_END_OF_FILE_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(endOfFile); // EndOfFile (8 bytes)
    }

    public static FileEndOfFileInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileEndOfFileInformation", "EndOfFile");
        long eof = in.readLongLE(); // EndOfFile (8 bytes)
        if (eof < 0) {
            throw new SmbDecodeException("FileEndOfFileInformation", "EndOfFile", eof + " is negative");
        }
        return new FileEndOfFileInformation(eof);
    }
}
