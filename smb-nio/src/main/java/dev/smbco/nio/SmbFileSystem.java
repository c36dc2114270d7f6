package dev.smbco.nio;

import dev.smbco.client.SmbTree;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/**
 * One SMB share as a {@link FileSystem}: one per (host, port, share, user, domain), backed by
 * one connection, session and tree of its own. Paths are {@link SmbPath}s ({@code /}-separated,
 * the share root is {@code /}). {@link #close()} disconnects; from then on every operation on its
 * paths throws {@link ClosedFileSystemException} (channels and streams opened before fail, their
 * handles closed by the server), and the same key can be opened again.
 */
public final class SmbFileSystem extends FileSystem {
    static final Set<String> VIEWS = Set.of("basic", "dos", SmbFileAttributeView.NAME);

    private final SmbFileSystemProvider provider;
    private final FsKey key;
    private final Mount mount;
    private final SmbPath root;
    private final SmbFileStore store;
    private final LockTable locks = new LockTable();
    private volatile boolean open = true;

    /** {@code mount} is null only in tests of paths alone, which never reach the server. */
    SmbFileSystem(SmbFileSystemProvider provider, FsKey key, Mount mount) {
        this.provider = provider;
        this.key = key;
        this.mount = mount;
        this.root = SmbPath.root(this);
        this.store = new SmbFileStore(this);
    }

    @Override
    public SmbFileSystemProvider provider() {
        return provider;
    }

    /** Disconnects the share and logs off; idempotent. */
    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        provider.removed(key, this);
        if (mount != null) {
            mount.close();
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return "/";
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        return List.of(root);
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return List.of(store);
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return VIEWS;
    }

    /** Joins the parts with {@code /}; a name holding a character SMB forbids is an {@link java.nio.file.InvalidPathException}. */
    @Override
    public SmbPath getPath(String first, String... more) {
        return SmbPath.parse(this, first, more);
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        return Globs.matcher(syntaxAndPattern);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        throw new UnsupportedOperationException("smb-nio has no user principal lookup");
    }

    @Override
    public WatchService newWatchService() {
        tree(); // ClosedFileSystemException once closed
        return new SmbWatchService(this);
    }

    @Override
    public String toString() {
        return key.toString();
    }

    // ------------------------------------------------------------------ for the provider

    FsKey key() {
        return key;
    }

    SmbPath root() {
        return root;
    }

    SmbFileStore store() {
        return store;
    }

    /** The tree; {@link ClosedFileSystemException} once closed. */
    SmbTree tree() {
        if (!open) {
            throw new ClosedFileSystemException();
        }
        if (mount == null) {
            throw new IllegalStateException(this + " has no connection (a file system for path tests only)");
        }
        return mount.tree;
    }

    /** The URI of an absolute path string. */
    URI uri(String absolutePath) {
        String userInfo = key.user().isEmpty() ? null : (key.domain().isEmpty() ? "" : key.domain() + ";") + key.user();
        try {
            return new URI(SmbFileSystemProvider.SCHEME, userInfo, key.host().contains(":") ? "[" + key.host() + "]" : key.host(),
                    key.port() == SmbUri.DEFAULT_PORT ? -1 : key.port(), "/" + share() + absolutePath, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("no URI for " + absolutePath + " on " + this, e);
        }
    }

    /** The byte ranges this file system's asynchronous channels hold. */
    LockTable locks() {
        return locks;
    }

    /** The share's name as opened. */
    String share() {
        return key.share();
    }
}
