package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * The fields every detailed directory information class shares, from FileIndex to
 * FileNameLength (package-private). Callers check that {@link #SIZE} bytes are readable first.
 */
record DirectoryFields(int fileIndex, long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
                       long endOfFile, long allocationSize, int fileAttributes, long fileNameLength) {
    /** NextEntryOffset through FileNameLength. */
    static final int SIZE = 64;

    /** Reads NextEntryOffset (ignored: the chain walker has used it) through FileNameLength. */
    static DirectoryFields read(ByteBuf in) {
        in.skipBytes(4);                      // NextEntryOffset (4 bytes)
        int fileIndex = in.readIntLE();       // FileIndex (4 bytes)
        long creation = in.readLongLE();      // CreationTime (8 bytes)
        long lastAccess = in.readLongLE();    // LastAccessTime (8 bytes)
        long lastWrite = in.readLongLE();     // LastWriteTime (8 bytes)
        long change = in.readLongLE();        // ChangeTime (8 bytes)
        long eof = in.readLongLE();           // EndOfFile (8 bytes)
        long allocation = in.readLongLE();    // AllocationSize (8 bytes)
        int attributes = in.readIntLE();      // FileAttributes (4 bytes)
        long nameLength = in.readUnsignedIntLE(); // FileNameLength (4 bytes)
        return new DirectoryFields(fileIndex, creation, lastAccess, lastWrite, change, eof, allocation, attributes, nameLength);
    }

    /** Writes NextEntryOffset (0, patched by the list encoder) through FileNameLength. */
    static void write(ByteBuf out, DetailedDirectoryEntry e) {
        out.writeIntLE(0);                                 // NextEntryOffset (4 bytes)
        out.writeIntLE(e.fileIndex());                     // FileIndex (4 bytes)
        out.writeLongLE(e.creationTime());                 // CreationTime (8 bytes)
        out.writeLongLE(e.lastAccessTime());               // LastAccessTime (8 bytes)
        out.writeLongLE(e.lastWriteTime());                // LastWriteTime (8 bytes)
        out.writeLongLE(e.changeTime());                   // ChangeTime (8 bytes)
        out.writeLongLE(e.endOfFile());                    // EndOfFile (8 bytes)
        out.writeLongLE(e.allocationSize());               // AllocationSize (8 bytes)
        out.writeIntLE(e.fileAttributes());                // FileAttributes (4 bytes)
        out.writeIntLE(Codec.utf16Length(e.fileName()));   // FileNameLength (4 bytes)
    }
}
