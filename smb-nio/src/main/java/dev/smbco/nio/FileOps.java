package dev.smbco.nio;

import dev.smbco.client.DirEntry;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.RequestException;
import dev.smbco.protocol.fscc.FileDispositionInformation;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.smb2.FileAttributes;
import dev.smbco.protocol.smb2.ShareAccess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessMode;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * The provider's operations on names: create, delete, move, copy, access checks. Each composes
 * smb-client's public calls; the comments say which SMB2 requests travel.
 */
final class FileOps {
    private static final OpenOptions DELETE = new OpenOptions(AccessMask.DELETE | AccessMask.FILE_READ_ATTRIBUTES, ShareAccess.ALL,
            CreateDisposition.OPEN, 0, 0, List.of());

    private FileOps() {
    }

    static void createDirectory(SmbPath dir) throws IOException {
        SmbTree tree = dir.getFileSystem().tree();
        Errors.io(dir, () -> {
            tree.mkdir(dir.shareRelative());
            return null;
        });
    }

    /**
     * Deletes a file or an empty directory: CREATE with DELETE access, SET_INFO
     * FileDispositionInformation (MS-FSCC 2.4.11), CLOSE. A directory with entries fails with
     * {@link DirectoryNotEmptyException} (STATUS_DIRECTORY_NOT_EMPTY).
     */
    static void delete(SmbPath path) throws IOException {
        SmbTree tree = path.getFileSystem().tree();
        Errors.io(path, () -> {
            try (SmbFile f = tree.open(path.shareRelative(), DELETE)) {
                f.setInfoSend(FileDispositionInformation.DELETE).await();
            }
            return null;
        });
    }

    static List<DirEntry> list(SmbPath dir) throws IOException {
        SmbTree tree = dir.getFileSystem().tree();
        return Errors.io(dir, () -> tree.list(dir.shareRelative()));
    }

    /**
     * Within one file system a rename (SET_INFO FileRenameInformation, atomic on the server);
     * REPLACE_EXISTING over a directory deletes it first (so only an empty one can be replaced,
     * as on POSIX). Across file systems a copy and a delete (a non-empty directory cannot move so).
     */
    static void move(SmbPath source, SmbPath target, Set<CopyOption> options) throws IOException {
        boolean atomic = options.contains(StandardCopyOption.ATOMIC_MOVE);
        boolean replace = options.contains(StandardCopyOption.REPLACE_EXISTING);
        if (source.getFileSystem() != target.getFileSystem()) {
            if (atomic) {
                throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "the paths are on different SMB file systems");
            }
            SmbFileAttributes a = AttributeView.read(source, false);
            if (a.isDirectory() && !list(source).isEmpty()) {
                throw new DirectoryNotEmptyException(source.toString());
            }
            copy(source, target, replace ? Set.of(StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES)
                    : Set.of(StandardCopyOption.COPY_ATTRIBUTES));
            delete(source);
            return;
        }
        String from = source.shareRelative();
        String to = target.shareRelative();
        if (from.equals(to)) {
            AttributeView.read(source, false); // it must exist; then there is nothing to do
            return;
        }
        if (replace && !atomic) {
            replaceDirectory(target);
        }
        SmbTree tree = source.getFileSystem().tree();
        try {
            Errors.io(source, target, () -> {
                tree.rename(from, to, replace || atomic);
                return null;
            });
        } catch (FileAlreadyExistsException e) {
            throw alreadyExists(target, e);
        }
    }

    /**
     * Within one file system a server-side copy (FSCTL_SRV_COPYCHUNK_WRITE, MS-SMB2 3.2.4.20.2): the
     * data does not cross the network. Across file systems the bytes go through this client. A
     * directory is copied as an empty directory; COPY_ATTRIBUTES copies the three times.
     */
    static void copy(SmbPath source, SmbPath target, Set<CopyOption> options) throws IOException {
        for (CopyOption o : options) {
            if (o != StandardCopyOption.REPLACE_EXISTING && o != StandardCopyOption.COPY_ATTRIBUTES && o != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("copy option " + o + " is not supported (" + source + " -> " + target + ")");
            }
        }
        SmbFileAttributes a = AttributeView.read(source, false);
        if (source.getFileSystem() == target.getFileSystem() && source.shareRelative().equals(target.shareRelative())) {
            return;
        }
        if (options.contains(StandardCopyOption.REPLACE_EXISTING)) {
            try {
                delete(target);
            } catch (NoSuchFileException e) {
                // nothing to replace
            }
        }
        if (a.isDirectory()) {
            try {
                createDirectory(target);
            } catch (FileAlreadyExistsException e) {
                throw alreadyExists(target, e);
            }
        } else if (source.getFileSystem() == target.getFileSystem()) {
            serverSideCopy(source, target);
        } else {
            try (InputStream in = Opens.input(source);
                 OutputStream out = Opens.output(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                in.transferTo(out);
            }
        }
        if (options.contains(StandardCopyOption.COPY_ATTRIBUTES)) {
            new AttributeView(target, "basic").setTimes(a.lastModifiedTime(), a.lastAccessTime(), a.creationTime());
        }
    }

    private static void serverSideCopy(SmbPath source, SmbPath target) throws IOException {
        SmbTree tree = source.getFileSystem().tree();
        OpenOptions create = new OpenOptions(AccessMask.GENERIC_READ | AccessMask.GENERIC_WRITE, ShareAccess.ALL, CreateDisposition.CREATE,
                CreateOptions.NON_DIRECTORY_FILE, FileAttributes.NORMAL, List.of());
        try (SmbFile from = Errors.io(source, () -> tree.open(source.shareRelative(), OpenOptions.read().withShareAccess(ShareAccess.ALL)))) {
            SmbFile to;
            try {
                to = Errors.io(target, () -> tree.open(target.shareRelative(), create));
            } catch (FileAlreadyExistsException e) {
                throw alreadyExists(target, e);
            }
            Errors.io(source, target, () -> {
                try (to) {
                    from.copyTo(to);
                }
                return null;
            });
        } catch (SmbException | RequestException e) {
            throw Errors.map(e, source.toString(), target.toString()); // from closing the source
        }
    }

    /** REPLACE_EXISTING of a move: a directory in the way goes first (DirectoryNotEmptyException if it has entries). */
    private static void replaceDirectory(SmbPath target) throws IOException {
        try {
            if (AttributeView.read(target, false).isDirectory()) {
                delete(target);
            }
        } catch (NoSuchFileException e) {
            // nothing in the way
        }
    }

    /**
     * Whether the path exists and this user may do {@code modes} to it: one CREATE asking for the
     * matching access rights (FILE_READ_DATA, FILE_WRITE_DATA, FILE_EXECUTE; MS-SMB2 2.2.13.1),
     * which the server grants or refuses with STATUS_ACCESS_DENIED.
     */
    static void checkAccess(SmbPath path, AccessMode... modes) throws IOException {
        int access = AccessMask.FILE_READ_ATTRIBUTES;
        for (AccessMode m : modes) {
            access |= switch (m) {
                case READ -> AccessMask.FILE_READ_DATA;
                case WRITE -> AccessMask.FILE_WRITE_DATA;
                case EXECUTE -> AccessMask.FILE_EXECUTE;
            };
        }
        OpenOptions o = new OpenOptions(access, ShareAccess.ALL, CreateDisposition.OPEN, 0, 0, List.of());
        SmbTree tree = path.getFileSystem().tree();
        Errors.io(path, () -> {
            tree.open(path.shareRelative(), o).close();
            return null;
        });
    }

    private static FileAlreadyExistsException alreadyExists(SmbPath target, FileAlreadyExistsException e) {
        FileAlreadyExistsException x = new FileAlreadyExistsException(target.toString());
        x.initCause(e.getCause());
        return x;
    }
}
