package dev.smbco.client;

import java.time.Instant;

/**
 * One entry of a directory listing ("." and ".." are left out).
 *
 * @param name the entry's name within its directory
 * @param stat its metadata, as the listing reports it
 */
public record DirEntry(String name, FileStat stat) {
    public boolean isDirectory() {
        return stat.isDirectory();
    }

    public long size() {
        return stat.size();
    }

    public Instant lastWriteTime() {
        return stat.lastWriteTime();
    }

    public int attributes() {
        return stat.attributes();
    }
}
