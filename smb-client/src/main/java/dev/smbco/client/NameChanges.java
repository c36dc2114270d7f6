package dev.smbco.client;

import dev.smbco.client.internal.SmbPaths;
import dev.smbco.coro.Co;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.fscc.FileDispositionInformation;
import dev.smbco.protocol.fscc.FileRenameInformation;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.smb2.FileAttributes;
import dev.smbco.protocol.smb2.ShareAccess;
import java.util.List;

/**
 * Changes to the names in a share: rename (MS-FSCC 2.4.37 FileRenameInformation), delete and
 * rmdir (2.4.11 FileDispositionInformation, delete on close), mkdir and mkdirs (CREATE of a
 * directory), and deleting a whole directory tree. Each opens, acts and closes as a coroutine.
 */
final class NameChanges {
    private NameChanges() {
    }

    static Request<Void> rename(SmbTree tree, String from, String to, boolean replace) {
        String target = SmbPaths.normalize(to);
        return PathSetInfo.send(tree, from, AccessMask.DELETE | AccessMask.FILE_READ_ATTRIBUTES, 0,
                FileRenameInformation.of(target, replace));
    }

    static Request<Void> delete(SmbTree tree, String path) {
        return PathSetInfo.send(tree, path, AccessMask.DELETE, CreateOptions.NON_DIRECTORY_FILE, FileDispositionInformation.DELETE);
    }

    static Request<Void> rmdir(SmbTree tree, String path) {
        return PathSetInfo.send(tree, path, AccessMask.DELETE, CreateOptions.DIRECTORY_FILE, FileDispositionInformation.DELETE);
    }

    /** Creates a directory and any missing parents; existing directories are fine. */
    static Request<Void> mkdirs(SmbTree tree, String path) {
        String p = SmbPaths.normalize(path);
        return CompositeDeadline.bound(Coroutine.start(tree.loop(), co -> {
            String dir = "";
            for (String part : p.split("\\\\")) {
                if (part.isEmpty()) {
                    continue;
                }
                dir = SmbPaths.child(dir, part);
                co.await(mkdir(tree, dir, CreateDisposition.OPEN_IF));
            }
            return null;
        }), tree.config(), "mkdirs " + tree.unc(p));
    }

    /** Opens {@code path} as a directory with {@code disposition} (CREATE or OPEN_IF) and closes it. */
    static Request<Void> mkdir(SmbTree tree, String path, int disposition) {
        OpenOptions o = new OpenOptions(AccessMask.FILE_READ_ATTRIBUTES | AccessMask.SYNCHRONIZE, ShareAccess.ALL, disposition,
                CreateOptions.DIRECTORY_FILE, FileAttributes.DIRECTORY, List.of());
        return Coroutine.start(tree.loop(), co -> {
            SmbFile dir = co.await(tree.openSend(path, o));
            co.await(dir.closeSend());
            return null;
        });
    }

    /** Deletes a directory with everything below it (or a single file). */
    static Request<Void> deleteTree(SmbTree tree, String path) {
        String p = SmbPaths.normalize(path);
        return CompositeDeadline.bound(Coroutine.start(tree.loop(), co -> {
            FileStat st = co.await(tree.statSend(p));
            if (!st.isDirectory()) {
                co.await(tree.deleteSend(p));
                return null;
            }
            deleteTree(tree, co, p);
            return null;
        }), tree.config(), "deleteTree " + tree.unc(p));
    }

    private static void deleteTree(SmbTree tree, Co co, String dir) {
        for (DirEntry e : co.await(tree.listSend(dir))) {
            String child = SmbPaths.child(dir, e.name());
            if (e.isDirectory()) {
                deleteTree(tree, co, child);
            } else {
                co.await(tree.deleteSend(child));
            }
        }
        co.await(tree.rmdirSend(dir));
    }
}
