package dev.smbco.nio;

import dev.smbco.client.Credentials;
import dev.smbco.client.SmbConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The {@code smb} scheme for {@code java.nio.file}, registered through {@code
 * META-INF/services}: {@code FileSystems.newFileSystem(URI.create("smb://host/share"), env)}
 * opens a share, after which {@code Path.of(URI.create("smb://host/share/a/b.txt"))} and every
 * {@code Files.*} operation work on it.
 *
 * <p>The environment map takes {@code user} and {@code password} (a String or char[]; both
 * absent: the guest account), {@code domain} and {@code config} (an {@link SmbConfig}). The user
 * may also be in the URI ({@code smb://CORP;alice@host/share}); a password in a URI is refused.
 * There is one file system per (host, port, share, user, domain): opening it twice throws
 * {@link FileSystemAlreadyExistsException}. A URI without a share, with a query or fragment, or of
 * another scheme is an {@link IllegalArgumentException}; a {@link Path} of another provider a
 * {@link ProviderMismatchException}.
 */
public final class SmbFileSystemProvider extends FileSystemProvider {
    /** The URI scheme. */
    public static final String SCHEME = "smb";

    private final Map<FsKey, SmbFileSystem> fileSystems = new HashMap<>();

    /**
     * Called by the JDK's provider lookup ({@code ServiceLoader}); applications reach the provider
     * through {@link java.nio.file.FileSystems} and {@link java.nio.file.Path#of(URI)} instead.
     */
    public SmbFileSystemProvider() {
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public SmbFileSystem newFileSystem(URI uri, Map<String, ?> env) throws IOException {
        SmbUri u = SmbUri.parse(uri);
        if (!u.path().isEmpty()) {
            throw new IllegalArgumentException("URI names a path inside the share; open smb://host/share and use getPath: " + uri);
        }
        String user = string(env, "user");
        if (user != null && u.user() != null && !user.equals(u.user())) {
            throw new IllegalArgumentException("env user '" + user + "' differs from the URI's user '" + u.user() + "'");
        }
        user = user != null ? user : u.user();
        String domain = string(env, "domain");
        domain = domain != null ? domain : u.domain() != null ? u.domain() : "";
        char[] password = password(env);
        Object config = env.get("config");
        if (config != null && !(config instanceof SmbConfig)) {
            throw new IllegalArgumentException("env 'config' must be an SmbConfig, not " + config.getClass().getName());
        }
        Credentials credentials;
        if (user == null || user.isEmpty()) {
            if (password != null) {
                throw new IllegalArgumentException("env 'password' given without a user");
            }
            credentials = Credentials.guest();
            user = "";
        } else {
            credentials = Credentials.ntlm(user, password == null ? new char[0] : password, domain);
        }
        FsKey key = new FsKey(u.host(), u.port(), u.share(), user, domain);
        synchronized (fileSystems) {
            if (fileSystems.containsKey(key)) {
                throw new FileSystemAlreadyExistsException(key.toString());
            }
            SmbFileSystem fs = new SmbFileSystem(this, key,
                    Mount.open(key, credentials, config == null ? SmbConfig.defaults() : (SmbConfig) config));
            fileSystems.put(key, fs);
            return fs;
        }
    }

    /** The open file system the URI's host, port, share (and user, if it names one) pick. */
    @Override
    public SmbFileSystem getFileSystem(URI uri) {
        SmbUri u = SmbUri.parse(uri);
        List<SmbFileSystem> found = new ArrayList<>();
        synchronized (fileSystems) {
            for (SmbFileSystem fs : fileSystems.values()) {
                if (fs.key().matches(u)) {
                    found.add(fs);
                }
            }
        }
        if (found.isEmpty()) {
            throw new FileSystemNotFoundException("no open SMB file system for " + uri.getScheme() + "://" + uri.getHost()
                    + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + "/" + u.share() + " (open it with FileSystems.newFileSystem)");
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("several SMB file systems are open for " + uri + " (" + found
                    + "); name the user in the URI");
        }
        return found.get(0);
    }

    @Override
    public SmbPath getPath(URI uri) {
        SmbFileSystem fs = getFileSystem(uri);
        return fs.getPath("/" + SmbUri.parse(uri).path());
    }

    /** Called by a closing file system. */
    void removed(FsKey key, SmbFileSystem fs) {
        synchronized (fileSystems) {
            fileSystems.remove(key, fs);
        }
    }

    // ------------------------------------------------------------------ data

    /** Reads and writes at positions, completed from the client's event loop ({@link SmbAsyncChannel}). */
    @Override
    public AsynchronousFileChannel newAsynchronousFileChannel(Path path, Set<? extends OpenOption> options, ExecutorService executor,
                                                              FileAttribute<?>... attrs) throws IOException {
        return Opens.asyncChannel(smb(path), options, executor, attrs);
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        return Opens.channel(smb(path), options, attrs);
    }

    @Override
    public InputStream newInputStream(Path path, OpenOption... options) throws IOException {
        return Opens.input(smb(path), options);
    }

    @Override
    public OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
        return Opens.output(smb(path), options);
    }

    // ------------------------------------------------------------------ names

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter) throws IOException {
        SmbPath d = smb(dir);
        return new SmbDirectoryStream(d, FileOps.list(d), filter);
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        SmbPath d = smb(dir);
        Opens.noAttributes(d, attrs);
        FileOps.createDirectory(d);
    }

    @Override
    public void delete(Path path) throws IOException {
        FileOps.delete(smb(path));
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) throws IOException {
        FileOps.copy(smb(source), smb(target), Set.of(options));
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        FileOps.move(smb(source), smb(target), Set.of(options));
    }

    /** True for equal paths; else whether both exist with the same file id (MS-FSCC 2.4.26) on one file system. */
    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        SmbPath a = smb(path);
        if (a.equals(path2)) {
            return true;
        }
        if (!(path2 instanceof SmbPath b) || b.getFileSystem() != a.getFileSystem()) {
            return false;
        }
        return AttributeView.read(a, true).fileId() == AttributeView.read(b, true).fileId();
    }

    /** Whether the DOS hidden attribute is set (names starting with a dot are not hidden on a share). */
    @Override
    public boolean isHidden(Path path) throws IOException {
        return AttributeView.read(smb(path), false).isHidden();
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        SmbPath p = smb(path);
        AttributeView.read(p, false);
        return p.getFileSystem().store();
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        FileOps.checkAccess(smb(path), modes);
    }

    // ------------------------------------------------------------------ attributes

    @Override
    @SuppressWarnings("unchecked")
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        SmbPath p = smb(path);
        if (type == BasicFileAttributeView.class) {
            return (V) new AttributeView(p, "basic");
        }
        if (type == DosFileAttributeView.class) {
            return (V) new AttributeView(p, "dos");
        }
        if (type == SmbFileAttributeView.class) {
            return (V) new AttributeView(p, SmbFileAttributeView.NAME);
        }
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options) throws IOException {
        SmbPath p = smb(path);
        if (type == BasicFileAttributes.class || type == DosFileAttributes.class || type == SmbFileAttributes.class) {
            return (A) AttributeView.read(p, type == SmbFileAttributes.class);
        }
        throw new UnsupportedOperationException(type.getName() + " is not supported on " + p + " (basic, dos and smb attributes are)");
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options) throws IOException {
        return AttributeMaps.read(smb(path), attributes);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        AttributeMaps.set(smb(path), attribute, value);
    }

    // ------------------------------------------------------------------ helpers

    private static SmbPath smb(Path path) {
        if (path instanceof SmbPath p) {
            return p;
        }
        throw new ProviderMismatchException("'" + path + "' is not an smb:// path" + (path == null ? "" : " (" + path.getFileSystem() + ")"));
    }

    private static String string(Map<String, ?> env, String name) {
        Object v = env.get(name);
        if (v != null && !(v instanceof String)) {
            throw new IllegalArgumentException("env '" + name + "' must be a String, not " + v.getClass().getName());
        }
        return (String) v;
    }

    private static char[] password(Map<String, ?> env) {
        Object v = env.get("password");
        if (v == null) {
            return null;
        }
        if (v instanceof char[] c) {
            return c;
        }
        if (v instanceof String s) {
            return s.toCharArray();
        }
        throw new IllegalArgumentException("env 'password' must be a String or char[], not " + v.getClass().getName());
    }
}
