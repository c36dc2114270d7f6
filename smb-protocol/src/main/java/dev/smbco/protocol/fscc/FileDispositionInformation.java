package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.11 FileDispositionInformation (FILE_DISPOSITION_INFORMATION): marks a file for
 * deletion when its last handle closes (or clears the mark).
 *
 * @param deletePending DeletePending (1 byte): TRUE deletes the file on close
 */
public record FileDispositionInformation(boolean deletePending) implements FileInformation {
    public static final int SIZE = 1;
    /** The usual request: delete on close. */
    public static final FileDispositionInformation DELETE = new FileDispositionInformation(true);

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_DISPOSITION_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(deletePending ? 1 : 0); // DeletePending (1 byte)
    }

    public static FileDispositionInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileDispositionInformation", "DeletePending");
        return new FileDispositionInformation(in.readByte() != 0); // DeletePending (1 byte)
    }
}
