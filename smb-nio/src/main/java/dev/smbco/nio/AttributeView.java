package dev.smbco.nio;

import dev.smbco.client.FileIndex;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.smb2.FileAttributes;
import java.io.IOException;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/**
 * The basic, dos and smb views of one path: reads open the path for its attributes (the CREATE
 * response carries them) and close it again; writes go through FileBasicInformation (MS-FSCC
 * 2.4.7), one SET_INFO each.
 */
final class AttributeView implements SmbFileAttributeView {
    private final SmbPath path;
    private final String name;

    AttributeView(SmbPath path, String name) {
        this.path = path;
        this.name = name;
    }

    /** Reads {@code path}'s attributes; with {@code withFileId} also its file id. */
    static SmbFileAttributes read(SmbPath path, boolean withFileId) throws IOException {
        SmbTree tree = path.getFileSystem().tree();
        return Errors.io(path, () -> {
            try (SmbFile f = tree.open(path.shareRelative(), OpenOptions.readAttributes())) {
                return new SmbFileAttributes(f.stat(), withFileId ? FileIndex.query(f) : null);
            }
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SmbFileAttributes readAttributes() throws IOException {
        return read(path, name.equals(NAME));
    }

    @Override
    public void setTimes(FileTime lastModifiedTime, FileTime lastAccessTime, FileTime createTime) throws IOException {
        SmbTree tree = path.getFileSystem().tree();
        if (lastModifiedTime == null && lastAccessTime == null && createTime == null) {
            return;
        }
        Errors.io(path, () -> {
            tree.setTimes(path.shareRelative(), instant(createTime), instant(lastAccessTime), instant(lastModifiedTime), null);
            return null;
        });
    }

    @Override
    public void setReadOnly(boolean value) throws IOException {
        setBit(FileAttributes.READONLY, value);
    }

    @Override
    public void setHidden(boolean value) throws IOException {
        setBit(FileAttributes.HIDDEN, value);
    }

    @Override
    public void setSystem(boolean value) throws IOException {
        setBit(FileAttributes.SYSTEM, value);
    }

    @Override
    public void setArchive(boolean value) throws IOException {
        setBit(FileAttributes.ARCHIVE, value);
    }

    private void setBit(int bit, boolean value) throws IOException {
        int now = read(path, false).attributes() & ~FileAttributes.NORMAL;
        int next = value ? now | bit : now & ~bit;
        if (next != now) {
            SmbTree tree = path.getFileSystem().tree();
            Errors.io(path, () -> {
                tree.setAttributes(path.shareRelative(), next);
                return null;
            });
        }
    }

    private static Instant instant(FileTime t) {
        return t == null ? null : t.toInstant();
    }
}
