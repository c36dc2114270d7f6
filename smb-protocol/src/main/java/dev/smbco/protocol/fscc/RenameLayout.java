package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * The shared SMB2 layout of FILE_RENAME_INFORMATION_TYPE_2 and FILE_LINK_INFORMATION_TYPE_2
 * (package-private): ReplaceIfExists (1), Reserved (7), RootDirectory (8), FileNameLength (4),
 * FileName (variable), Padding.
 */
final class RenameLayout {
    /** Bytes before FileName. */
    static final int FIXED_SIZE = 20;
    /**
     * The C structure's size (with a one-character FileName, padded to 8); Windows servers reject
     * shorter buffers with STATUS_INFO_LENGTH_MISMATCH, so encoders pad up to it.
     */
    static final int MIN_SIZE = 24;

    record Fields(boolean replaceIfExists, long rootDirectory, String fileName) {
    }

    private RenameLayout() {
    }

    static void encode(ByteBuf out, boolean replaceIfExists, long rootDirectory, String fileName) {
        int start = out.writerIndex();
        out.writeByte(replaceIfExists ? 1 : 0);      // ReplaceIfExists (1 byte)
        out.writeZero(7);                            // Reserved (7 bytes)
        out.writeLongLE(rootDirectory);              // RootDirectory (8 bytes): 0 for network operations
        out.writeIntLE(Codec.utf16Length(fileName)); // FileNameLength (4 bytes)
        Codec.writeUtf16(out, fileName);             // FileName (variable)
        int written = out.writerIndex() - start;
        if (written < MIN_SIZE) {
            out.writeZero(MIN_SIZE - written);       // Padding (variable)
        }
    }

    static Fields decode(ByteBuf in, String structure) {
        Codec.require(in, FIXED_SIZE, structure, "fixed part");
        boolean replace = in.readByte() != 0;                                  // ReplaceIfExists (1 byte)
        in.skipBytes(7);                                                       // Reserved (7 bytes)
        long root = in.readLongLE();                                           // RootDirectory (8 bytes)
        long nameLength = in.readUnsignedIntLE();                              // FileNameLength (4 bytes)
        String name = Codec.readUtf16(in, nameLength, structure, "FileNameLength"); // FileName (variable)
        return new Fields(replace, root, name);
    }
}
