package dev.smbco.protocol.fscc;

import dev.smbco.protocol.FileTime;
import java.time.Instant;

/** A directory entry that carries times, sizes and attributes (every class but FileNamesInformation). */
public sealed interface DetailedDirectoryEntry extends DirectoryEntry
        permits FileDirectoryInformation, FileFullDirectoryInformation, FileBothDirectoryInformation,
        FileIdBothDirectoryInformation, FileIdFullDirectoryInformation {

    /** CreationTime (8 bytes): FILETIME. */
    long creationTime();

    /** LastAccessTime (8 bytes): FILETIME. */
    long lastAccessTime();

    /** LastWriteTime (8 bytes): FILETIME. */
    long lastWriteTime();

    /** ChangeTime (8 bytes): FILETIME. */
    long changeTime();

    /** EndOfFile (8 bytes): the file size in bytes. */
    long endOfFile();

    /** AllocationSize (8 bytes): bytes allocated. */
    long allocationSize();

    /** FileAttributes (4 bytes): {@link FileAttributes} bits. */
    int fileAttributes();

    default boolean isDirectory() {
        return (fileAttributes() & FileAttributes.DIRECTORY) != 0;
    }

    default Instant creationInstant() {
        return FileTime.toInstant(creationTime());
    }

    default Instant lastAccessInstant() {
        return FileTime.toInstant(lastAccessTime());
    }

    default Instant lastWriteInstant() {
        return FileTime.toInstant(lastWriteTime());
    }

    default Instant changeInstant() {
        return FileTime.toInstant(changeTime());
    }
}
