package dev.smbco.hadoop;

import dev.smbco.client.FileStat;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.RequestException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * What the operations of one {@link SmbFileSystem} share: the server's smb:// URI, its settings,
 * the shared connection, and the translation between SMB metadata and Hadoop's {@link FileStatus}.
 */
final class Server {
    final URI uri;
    final SmbSettings settings;
    final SharedConnection connection;

    Server(URI uri, SmbSettings settings, SharedConnection connection) {
        this.uri = uri;
        this.settings = settings;
        this.connection = connection;
    }

    /** The tree holding {@code loc}; a share that does not exist is a {@link FileNotFoundException}. */
    SmbTree tree(SmbLocation loc) throws IOException {
        return connection.tree(loc.share());
    }

    /** The fully qualified Hadoop path of a location. */
    Path path(SmbLocation loc) {
        String p = loc.isServerRoot() ? "/" : "/" + loc.share() + (loc.path().isEmpty() ? "" : "/" + loc.path().replace('\\', '/'));
        return new Path(uri.getScheme(), uri.getAuthority(), p);
    }

    /** The metadata of {@code loc}, or null when it (or its share) does not exist. */
    FileStat statOrNull(SmbLocation loc) throws IOException {
        if (loc.isServerRoot()) {
            return null;
        }
        SmbTree tree;
        try {
            tree = tree(loc);
        } catch (FileNotFoundException e) {
            return null;
        }
        try {
            return tree.stat(loc.path());
        } catch (SmbNotFoundException e) {
            return null;
        } catch (SmbException | RequestException e) {
            throw HadoopErrors.map(e, path(loc).toString());
        }
    }

    /** The status of {@code loc}; missing is a {@link FileNotFoundException}. */
    FileStatus status(SmbLocation loc) throws IOException {
        if (loc.isServerRoot()) {
            return directory(path(loc));
        }
        FileStat stat = statOrNull(loc);
        if (stat == null) {
            throw new FileNotFoundException(path(loc) + ": no such file or directory");
        }
        return status(path(loc), stat);
    }

    /** A Hadoop status from SMB metadata (MS-FSCC 2.4.7 FileBasicInformation, 2.4.41 FileStandardInformation). */
    FileStatus status(Path path, FileStat stat) {
        boolean dir = stat.isDirectory();
        long mtime = stat.lastWriteTime() == null ? 0 : stat.lastWriteTime().toEpochMilli();
        long atime = stat.lastAccessTime() == null ? 0 : stat.lastAccessTime().toEpochMilli();
        FsPermission perm = dir ? FsPermission.getDirDefault() : FsPermission.getFileDefault();
        return new FileStatus(dir ? 0 : stat.size(), dir, 1, dir ? 0 : settings.blockSize(), mtime, atime, perm, owner(), owner(), path);
    }

    /** A directory that has no SMB metadata of its own: the server's root (its list of shares). */
    FileStatus directory(Path path) {
        return new FileStatus(0, true, 1, 0, 0, 0, FsPermission.getDirDefault(), owner(), owner(), path);
    }

    private String owner() {
        return settings.user().isEmpty() ? "guest" : settings.user();
    }
}
