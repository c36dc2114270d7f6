package dev.smbco.protocol.fscc;

import dev.smbco.protocol.FileTime;
import io.netty.buffer.ByteBuf;
import java.time.Instant;

/**
 * MS-FSCC 2.4.7 FileBasicInformation (FILE_BASIC_INFORMATION): times and attributes, queried
 * and set. In SET_INFO a time of {@link #KEEP} (0) leaves that time unchanged,
 * {@link #SUSPEND_UPDATES} (-1) stops the server from updating it for this handle and
 * {@link #RESUME_UPDATES} (-2) resumes it; FileAttributes 0 leaves the attributes unchanged.
 *
 * @param creationTime   CreationTime (8 bytes): FILETIME
 * @param lastAccessTime LastAccessTime (8 bytes): FILETIME
 * @param lastWriteTime  LastWriteTime (8 bytes): FILETIME
 * @param changeTime     ChangeTime (8 bytes): FILETIME
 * @param fileAttributes FileAttributes (4 bytes): {@link FileAttributes} bits
 */
public record FileBasicInformation(long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
                                   int fileAttributes) implements FileInformation {
    /** Encoded size: 4 times, attributes and 4 reserved bytes. */
    public static final int SIZE = 40;
    /** SET_INFO: leave this time (or, as attributes, the attributes) unchanged. */
    public static final long KEEP = 0L;
    /** SET_INFO: the server stops updating this time for operations on this handle. */
    public static final long SUSPEND_UPDATES = -1L;
    /** SET_INFO: the server resumes updating this time. */
    public static final long RESUME_UPDATES = -2L;

    private static final String NAME = "FileBasicInformation";

    /** From instants; a {@code null} instant becomes {@link #KEEP} (0). */
    public static FileBasicInformation of(Instant creation, Instant lastAccess, Instant lastWrite, Instant change,
                                          int fileAttributes) {
        return new FileBasicInformation(time(creation), time(lastAccess), time(lastWrite), time(change), fileAttributes);
    }

    /** The FILETIME for an instant, or {@link #KEEP} for {@code null}. */
    public static long time(Instant instant) {
        return instant == null ? KEEP : FileTime.fromInstant(instant);
    }

    public Instant creationInstant() {
        return FileTime.toInstant(creationTime);
    }

    public Instant lastAccessInstant() {
        return FileTime.toInstant(lastAccessTime);
    }

    public Instant lastWriteInstant() {
        return FileTime.toInstant(lastWriteTime);
    }

    public Instant changeInstant() {
        return FileTime.toInstant(changeTime);
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_BASIC_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeLongLE(creationTime);   // CreationTime (8 bytes)
        out.writeLongLE(lastAccessTime); // LastAccessTime (8 bytes)
        out.writeLongLE(lastWriteTime);  // LastWriteTime (8 bytes)
        out.writeLongLE(changeTime);     // ChangeTime (8 bytes)
        out.writeIntLE(fileAttributes);  // FileAttributes (4 bytes)
        out.writeIntLE(0);               // Reserved (4 bytes)
    }

    public static FileBasicInformation decode(ByteBuf in) {
        Codec.require(in, SIZE, NAME, "structure");
        long creation = in.readLongLE();   // CreationTime (8 bytes)
        long lastAccess = in.readLongLE(); // LastAccessTime (8 bytes)
        long lastWrite = in.readLongLE();  // LastWriteTime (8 bytes)
        long change = in.readLongLE();     // ChangeTime (8 bytes)
        int attributes = in.readIntLE();   // FileAttributes (4 bytes)
        in.skipBytes(4);                   // Reserved (4 bytes)
        return new FileBasicInformation(creation, lastAccess, lastWrite, change, attributes);
    }

    @Override
    public String toString() {
        return "FileBasicInformation[creation=" + creationTime + ", lastAccess=" + lastAccessTime + ", lastWrite="
                + lastWriteTime + ", change=" + changeTime + ", attributes=" + FileAttributes.toString(fileAttributes) + "]";
    }
}
