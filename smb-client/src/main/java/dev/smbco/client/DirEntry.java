package dev.smbco.client;

import java.time.Instant;

/**
 * One entry of a directory listing ("." and ".." are left out).
 *
 * @param name the entry's name within its directory
 * @param stat its metadata, as the listing reports it
 */
public record DirEntry(String name, FileStat stat) {
    /**
     * Whether the entry is a directory (FILE_ATTRIBUTE_DIRECTORY).
     *
     * @return {@code stat().isDirectory()}
     */
    public boolean isDirectory() {
        return stat.isDirectory();
    }

    /**
     * The entry's size.
     *
     * @return EndOfFile, in bytes
     */
    public long size() {
        return stat.size();
    }

    /**
     * When the entry's data was last written.
     *
     * @return {@code stat().lastWriteTime()}, at the protocol's 100 ns precision
     */
    public Instant lastWriteTime() {
        return stat.lastWriteTime();
    }

    /**
     * The entry's FileAttributes bits (MS-FSCC 2.6).
     *
     * @return {@code stat().attributes()}
     */
    public int attributes() {
        return stat.attributes();
    }
}
