package dev.smbco.client;

import dev.smbco.protocol.FileTime;
import dev.smbco.protocol.smb2.FileAttributes;
import java.time.Instant;

/**
 * A file's or directory's metadata.
 *
 * @param size           EndOfFile: the size in bytes
 * @param allocationSize bytes allocated on disk
 * @param creationTime   creation time
 * @param lastAccessTime last access time
 * @param lastWriteTime  last write (modification) time
 * @param changeTime     last change (metadata) time
 * @param attributes     FileAttributes bits ({@link FileAttributes})
 */
public record FileStat(long size, long allocationSize, Instant creationTime, Instant lastAccessTime, Instant lastWriteTime,
                       Instant changeTime, int attributes) {
    /**
     * Whether FILE_ATTRIBUTE_DIRECTORY is set.
     *
     * @return true for a directory
     */
    public boolean isDirectory() {
        return (attributes & FileAttributes.DIRECTORY) != 0;
    }

    /**
     * Whether FILE_ATTRIBUTE_READONLY is set.
     *
     * @return true for a read-only file
     */
    public boolean isReadOnly() {
        return (attributes & FileAttributes.READONLY) != 0;
    }

    /**
     * Whether FILE_ATTRIBUTE_HIDDEN is set.
     *
     * @return true for a hidden file
     */
    public boolean isHidden() {
        return (attributes & FileAttributes.HIDDEN) != 0;
    }

    static FileStat of(long size, long allocation, long creation, long access, long write, long change, int attributes) {
        return new FileStat(size, allocation, FileTime.toInstant(creation), FileTime.toInstant(access), FileTime.toInstant(write),
                FileTime.toInstant(change), attributes);
    }
}
