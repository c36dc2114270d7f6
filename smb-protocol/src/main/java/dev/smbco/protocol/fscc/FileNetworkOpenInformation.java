package dev.smbco.protocol.fscc;

import dev.smbco.protocol.FileTime;
import io.netty.buffer.ByteBuf;
import java.time.Instant;

/**
 * MS-FSCC 2.4.34 FileNetworkOpenInformation (FILE_NETWORK_OPEN_INFORMATION): times, sizes and
 * attributes in one query (what SMB2 CREATE also returns).
 *
 * @param creationTime   CreationTime (8 bytes): FILETIME
 * @param lastAccessTime LastAccessTime (8 bytes): FILETIME
 * @param lastWriteTime  LastWriteTime (8 bytes): FILETIME
 * @param changeTime     ChangeTime (8 bytes): FILETIME
 * @param allocationSize AllocationSize (8 bytes)
 * @param endOfFile      EndOfFile (8 bytes): the file size
 * @param fileAttributes FileAttributes (4 bytes): {@link FileAttributes} bits
 */
public record FileNetworkOpenInformation(long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
                                         long allocationSize, long endOfFile, int fileAttributes)
        implements FileInformation {
    /** Encoded size, including the 4 reserved bytes. */
    public static final int SIZE = 56;

    public Instant lastWriteInstant() {
        return FileTime.toInstant(lastWriteTime);
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_NETWORK_OPEN_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(creationTime);   // CreationTime (8 bytes)
        out.writeLongLE(lastAccessTime); // LastAccessTime (8 bytes)
        out.writeLongLE(lastWriteTime);  // LastWriteTime (8 bytes)
        out.writeLongLE(changeTime);     // ChangeTime (8 bytes)
        out.writeLongLE(allocationSize); // AllocationSize (8 bytes)
        out.writeLongLE(endOfFile);      // EndOfFile (8 bytes)
        out.writeIntLE(fileAttributes);  // FileAttributes (4 bytes)
        out.writeIntLE(0);               // Reserved (4 bytes)
    }

    public static FileNetworkOpenInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileNetworkOpenInformation", "structure");
        long creation = in.readLongLE();   // CreationTime (8 bytes)
        long lastAccess = in.readLongLE(); // LastAccessTime (8 bytes)
        long lastWrite = in.readLongLE();  // LastWriteTime (8 bytes)
        long change = in.readLongLE();     // ChangeTime (8 bytes)
        long allocation = in.readLongLE(); // AllocationSize (8 bytes)
        long eof = in.readLongLE();        // EndOfFile (8 bytes)
        int attributes = in.readIntLE();   // FileAttributes (4 bytes)
        in.skipBytes(4);                   // Reserved (4 bytes)
        return new FileNetworkOpenInformation(creation, lastAccess, lastWrite, change, allocation, eof, attributes);
    }
}
