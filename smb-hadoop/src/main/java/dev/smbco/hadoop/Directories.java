package dev.smbco.hadoop;

import dev.smbco.client.FileStat;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.RequestException;
import java.io.IOException;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.PathIOException;
import org.apache.hadoop.fs.PathIsNotEmptyDirectoryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code mkdirs} and {@code delete} as Hadoop's file-system specification describes them. */
final class Directories {
    private static final Logger LOG = LoggerFactory.getLogger(Directories.class);

    private Directories() {
    }

    /**
     * Creates {@code loc} and its missing parents. A file at {@code loc} is a
     * {@link FileAlreadyExistsException}, a file above it a {@link ParentNotDirectoryException};
     * the nearest existing ancestor is found by stat'ing upwards, so an existing directory costs one
     * round trip.
     */
    static void mkdirs(Server server, SmbLocation loc) throws IOException {
        if (loc.isServerRoot()) {
            return;
        }
        if (loc.isShareRoot()) {
            server.tree(loc); // a share cannot be made: one that does not exist is FileNotFound
            return;
        }
        SmbLocation probe = loc;
        while (!probe.isShareRoot()) {
            FileStat stat = server.statOrNull(probe);
            if (stat != null) {
                if (stat.isDirectory()) {
                    break;
                }
                if (probe.equals(loc)) {
                    throw new FileAlreadyExistsException(server.path(loc) + ": a file exists there");
                }
                throw new ParentNotDirectoryException(server.path(probe) + " is a file, parent of " + server.path(loc));
            }
            probe = new SmbLocation(loc.share(), probe.parentPath());
        }
        if (probe.equals(loc)) {
            return;
        }
        SmbTree tree = server.tree(loc);
        HadoopErrors.io(server.path(loc), () -> {
            tree.mkdirs(loc.path());
            return null;
        });
    }

    /**
     * Deletes a file or a directory. Missing: false. A non-empty directory without
     * {@code recursive}: {@link PathIsNotEmptyDirectoryException}. The server root and share roots
     * are never deleted (false, as the specification allows for a root).
     */
    static boolean delete(Server server, SmbLocation loc, boolean recursive) throws IOException {
        if (loc.isServerRoot() || loc.isShareRoot()) {
            LOG.warn("delete {}: refused, a root is never deleted", server.path(loc));
            return false;
        }
        FileStat stat = server.statOrNull(loc);
        if (stat == null) {
            return false;
        }
        SmbTree tree = server.tree(loc);
        String name = server.path(loc).toString();
        try {
            if (!stat.isDirectory()) {
                tree.delete(loc.path());
            } else if (recursive) {
                tree.deleteTree(loc.path());
            } else {
                tree.rmdir(loc.path());
            }
            return true;
        } catch (dev.smbco.client.SmbNotEmptyException e) {
            PathIOException x = new PathIsNotEmptyDirectoryException(name);
            x.initCause(e);
            throw x;
        } catch (dev.smbco.client.SmbNotFoundException e) {
            return false; // deleted meanwhile by someone else
        } catch (SmbException | RequestException e) {
            throw HadoopErrors.map(e, name);
        }
    }
}
