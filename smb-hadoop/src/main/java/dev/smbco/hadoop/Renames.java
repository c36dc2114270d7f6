package dev.smbco.hadoop;

import dev.smbco.client.FileStat;
import dev.smbco.client.SmbAlreadyExistsException;
import dev.smbco.client.SmbException;
import dev.smbco.coro.RequestException;
import java.io.FileNotFoundException;
import java.io.IOException;
import org.apache.hadoop.fs.PathIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code FileSystem.rename} as Hadoop's file-system specification describes it, on one SMB
 * rename (MS-FSCC 2.4.42 FileRenameInformation, ReplaceIfExists = 0), which moves a file or a
 * whole directory atomically inside a share:
 * <ul>
 * <li>a missing source: {@link FileNotFoundException};</li>
 * <li>the root, a share root, a destination below the source, a missing destination parent, a
 *     parent that is a file, an existing destination file: {@code false} (HDFS's answers);</li>
 * <li>an existing destination directory: the source moves into it, under its own name (false if
 *     that name is taken);</li>
 * <li>renaming a file onto itself: true; a directory onto itself: false;</li>
 * <li>another share: {@link PathIOException} (SMB renames only inside a share).</li>
 * </ul>
 */
final class Renames {
    private static final Logger LOG = LoggerFactory.getLogger(Renames.class);

    private Renames() {
    }

    static boolean rename(Server server, SmbLocation src, SmbLocation dst) throws IOException {
        if (src.isServerRoot() || src.isShareRoot()) {
            return refuse(server, src, dst, "the source is a root");
        }
        FileStat from = server.statOrNull(src);
        if (from == null) {
            throw new FileNotFoundException(server.path(src) + ": rename source does not exist");
        }
        if (sameShare(src, dst) && src.path().equals(dst.path())) {
            return !from.isDirectory();
        }
        if (dst.isServerRoot()) {
            return refuse(server, src, dst, "the destination is the server root");
        }
        if (!sameShare(src, dst)) {
            throw new PathIOException(server.path(src).toString(), "cannot rename to another share: " + server.path(dst));
        }
        if (src.contains(dst)) {
            return refuse(server, src, dst, "the destination is below the source");
        }
        SmbLocation target = dst;
        FileStat to = server.statOrNull(dst);
        if (to != null) {
            if (!to.isDirectory()) {
                return refuse(server, src, dst, "the destination is a file");
            }
            target = new SmbLocation(dst.share(), dst.path().isEmpty() ? src.name() : dst.path() + "\\" + src.name());
            if (server.statOrNull(target) != null) {
                return refuse(server, src, target, "the destination exists");
            }
        } else if (!dst.path().isEmpty() && !dst.parentPath().isEmpty()) {
            FileStat parent = server.statOrNull(new SmbLocation(dst.share(), dst.parentPath()));
            if (parent == null || !parent.isDirectory()) {
                return refuse(server, src, dst, "the destination's parent is not a directory");
            }
        }
        try {
            server.tree(src).rename(src.path(), target.path(), false);
            return true;
        } catch (SmbAlreadyExistsException e) {
            return refuse(server, src, target, "the destination exists");
        } catch (SmbException | RequestException e) {
            throw HadoopErrors.map(e, server.path(src) + " -> " + server.path(target));
        }
    }

    private static boolean sameShare(SmbLocation a, SmbLocation b) {
        return a.share() != null && b.share() != null && a.share().equalsIgnoreCase(b.share());
    }

    private static boolean refuse(Server server, SmbLocation src, SmbLocation dst, String why) {
        LOG.debug("rename {} to {}: false, {}", server.path(src), server.path(dst), why);
        return false;
    }
}
