package dev.smbco.hadoop;

import dev.smbco.client.FileStat;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.ShareAccess;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;

/**
 * {@code create}, {@code createNonRecursive} and {@code append}. Every handle shares read, write
 * and delete (MS-SMB2 2.2.13 ShareAccess) so that, as on HDFS, a file being written may be read,
 * renamed or deleted meanwhile; the stream keeps writing to the renamed file.
 */
final class Writes {
    /** What every open of this module lets other opens do. */
    static final int SHARE_ALL = ShareAccess.READ | ShareAccess.WRITE | ShareAccess.DELETE;

    private Writes() {
    }

    /**
     * A new file at {@code loc}, written under a temporary name beside it and renamed into place
     * on close. A directory there, or an existing file without {@code overwrite}:
     * {@link FileAlreadyExistsException}. Missing parents are made, unless {@code recursive} is
     * false, when a missing parent is a {@link FileNotFoundException}.
     */
    static FSDataOutputStream create(Server server, SmbLocation loc, boolean overwrite, boolean recursive,
                                     FileSystem.Statistics statistics) throws IOException {
        Path path = server.path(loc);
        if (loc.isServerRoot() || loc.isShareRoot()) {
            throw new FileAlreadyExistsException(path + ": is a directory");
        }
        FileStat existing = server.statOrNull(loc);
        if (existing != null && existing.isDirectory()) {
            throw new FileAlreadyExistsException(path + ": is a directory");
        }
        if (existing != null && !overwrite) {
            throw new FileAlreadyExistsException(path + ": exists and overwrite is false");
        }
        SmbLocation parent = new SmbLocation(loc.share(), loc.parentPath());
        if (recursive) {
            Directories.mkdirs(server, parent);
        } else if (!parent.isShareRoot()) {
            FileStat p = server.statOrNull(parent);
            if (p == null) {
                throw new FileNotFoundException(server.path(parent) + ": parent directory does not exist");
            }
            if (!p.isDirectory()) {
                throw new ParentNotDirectoryException(server.path(parent) + " is a file, parent of " + path);
            }
        }
        SmbLocation temporary = loc.sibling("." + loc.name() + ".smbco-" + UUID.randomUUID() + ".tmp");
        SmbTree tree = server.tree(loc);
        OpenOptions options = OpenOptions.createNew().withShareAccess(SHARE_ALL);
        SmbFile file = HadoopErrors.io(path, () -> tree.open(temporary.path(), options));
        SmbOutputStream.Publish publish = new SmbOutputStream.Publish(tree, temporary.path(), loc.path(), overwrite);
        return new FSDataOutputStream(new SmbOutputStream(file, path.toString(), 0, publish, server.settings.readAhead()),
                statistics);
    }

    /** Appends in place from the current end (SMB writes at any offset); the file must exist. */
    static FSDataOutputStream append(Server server, SmbLocation loc, FileSystem.Statistics statistics) throws IOException {
        Path path = server.path(loc);
        if (loc.isServerRoot() || loc.isShareRoot()) {
            throw new FileAlreadyExistsException(path + ": is a directory");
        }
        SmbTree tree = server.tree(loc);
        OpenOptions options = OpenOptions.readWrite().withDisposition(CreateDisposition.OPEN).withShareAccess(SHARE_ALL);
        SmbFile file = HadoopErrors.io(path, () -> tree.open(loc.path(), options));
        return new FSDataOutputStream(new SmbOutputStream(file, path.toString(), file.size(), null, server.settings.readAhead()),
                statistics, file.size());
    }
}
