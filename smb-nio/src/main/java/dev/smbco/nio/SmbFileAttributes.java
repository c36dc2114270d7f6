package dev.smbco.nio;

import dev.smbco.client.FileStat;
import dev.smbco.protocol.smb2.FileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * A file's attributes as the server reports them (MS-FSCC 2.6 file attributes, the times and sizes
 * of the CREATE response), readable as {@link java.nio.file.attribute.BasicFileAttributes},
 * {@link DosFileAttributes} or, with the file id and allocation size, as the {@code "smb"} view.
 * There are no links on a share as smb-nio sees it: {@link #isSymbolicLink()} is always false.
 */
public final class SmbFileAttributes implements DosFileAttributes {
    private final FileStat stat;
    private final Long fileId;

    SmbFileAttributes(FileStat stat, Long fileId) {
        this.stat = stat;
        this.fileId = fileId;
    }

    @Override
    public FileTime lastModifiedTime() {
        return time(stat.lastWriteTime());
    }

    @Override
    public FileTime lastAccessTime() {
        return time(stat.lastAccessTime());
    }

    @Override
    public FileTime creationTime() {
        return time(stat.creationTime());
    }

    /**
     * The time of the last change of data or metadata (ChangeTime, MS-FSCC 2.4.7), which the
     * basic view has no place for.
     *
     * @return the change time; the epoch when the server sent none
     */
    public FileTime changeTime() {
        return time(stat.changeTime());
    }

    @Override
    public boolean isRegularFile() {
        return !stat.isDirectory();
    }

    @Override
    public boolean isDirectory() {
        return stat.isDirectory();
    }

    @Override
    public boolean isSymbolicLink() {
        return false;
    }

    @Override
    public boolean isOther() {
        return false;
    }

    @Override
    public long size() {
        return stat.size();
    }

    /** The file id (see {@link #fileId()}) when it was read, else null. */
    @Override
    public Object fileKey() {
        return fileId;
    }

    @Override
    public boolean isReadOnly() {
        return (stat.attributes() & FileAttributes.READONLY) != 0;
    }

    @Override
    public boolean isHidden() {
        return (stat.attributes() & FileAttributes.HIDDEN) != 0;
    }

    @Override
    public boolean isArchive() {
        return (stat.attributes() & FileAttributes.ARCHIVE) != 0;
    }

    @Override
    public boolean isSystem() {
        return (stat.attributes() & FileAttributes.SYSTEM) != 0;
    }

    /**
     * The server's number for the file on its volume (MS-FSCC 2.4.26 FileInternalInformation), the
     * same through every path and open.
     *
     * @return the file id; -1 when these attributes were read as basic or dos only
     */
    public long fileId() {
        return fileId == null ? -1 : fileId;
    }

    /**
     * The space the file occupies on the server's disk (AllocationSize, MS-FSCC 2.4.45): a multiple
     * of the cluster size, less than {@link #size()} for a sparse or compressed file.
     *
     * @return the allocation size in bytes
     */
    public long allocationSize() {
        return stat.allocationSize();
    }

    /**
     * The raw file attribute bits (MS-FSCC 2.6), of which {@link #isReadOnly()},
     * {@link #isHidden()}, {@link #isArchive()} and {@link #isSystem()} read single bits.
     *
     * @return the FILE_ATTRIBUTE_* flags, e.g. {@code 0x10} for a directory
     */
    public int attributes() {
        return stat.attributes();
    }

    private static FileTime time(Instant t) {
        return FileTime.from(t == null ? Instant.EPOCH : t);
    }
}
