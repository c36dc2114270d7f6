package dev.smbco.hadoop;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.CreateFlag;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.util.Progressable;

/**
 * A Hadoop {@link FileSystem} for {@code smb://host[:port]/share/path} on smbco: Spark, Flink,
 * MapReduce and {@code distcp} read and write SMB shares through it. The first path component is
 * the share; {@code smb://host/} lists the server's disk shares.
 *
 * <p>Configuration (each key also per host as {@code fs.smb.<host>.<key>}): {@code fs.smb.user},
 * {@code fs.smb.password} (or a credential provider alias of that name), {@code fs.smb.domain},
 * {@code fs.smb.signing} and {@code fs.smb.encrypt} ({@code required} or {@code auto}),
 * {@code fs.smb.block.size} (the split size, default 128 MiB), {@code fs.smb.readahead.depth} and
 * {@code fs.smb.list.page.size} (the bytes of one directory page of {@code listStatusIterator}).
 *
 * <p>All file systems of a JVM that name the same host, port and identity share one connection
 * ({@link SharedConnection}); closing the last of them closes it. New files are written under a
 * temporary name and renamed into place on close ({@link SmbOutputStream}).
 */
public class SmbFileSystem extends FileSystem {
    /** The URI scheme, {@value}. */
    public static final String SCHEME = "smb";

    private Server server;
    private Path workingDirectory;
    private boolean closed;

    /**
     * An unconnected file system, as Hadoop makes it (through {@code META-INF/services} or
     * {@code fs.smb.impl}); {@link #initialize} connects it.
     */
    public SmbFileSystem() {
    }

    @Override
    public void initialize(URI name, Configuration conf) throws IOException {
        super.initialize(name, conf);
        setConf(conf);
        String host = name.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("smb:// URI without a host: " + name);
        }
        int port = name.getPort() == -1 ? SmbClient.DEFAULT_PORT : name.getPort();
        URI uri = URI.create(SCHEME + "://" + name.getAuthority());
        SmbSettings settings = SmbSettings.of(conf, host);
        server = new Server(uri, settings, SharedConnection.acquire(host, port, settings));
        workingDirectory = new Path(uri.toString() + "/");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public URI getUri() {
        return server.uri;
    }

    @Override
    protected int getDefaultPort() {
        return SmbClient.DEFAULT_PORT;
    }

    @Override
    public long getDefaultBlockSize() {
        return server.settings.blockSize();
    }

    @Override
    public long getDefaultBlockSize(Path f) {
        return getDefaultBlockSize();
    }

    /** No delegation tokens: SMB authenticates each executor by its own configuration. */
    @Override
    public String getCanonicalServiceName() {
        return null;
    }

    @Override
    public FSDataInputStream open(Path f, int bufferSize) throws IOException {
        SmbLocation loc = locate(f);
        if (loc.isServerRoot() || loc.isShareRoot()) {
            throw new FileNotFoundException(qualify(f) + ": is a directory");
        }
        SmbTree tree = server.tree(loc);
        SmbFile file = HadoopErrors.io(qualify(f), () -> tree.open(loc.path(), OpenOptions.read().withShareAccess(Writes.SHARE_ALL)));
        return new FSDataInputStream(new SmbInputStream(file, qualify(f).toString(), server.settings.readAhead(), statistics));
    }

    @Override
    public FSDataOutputStream create(Path f, FsPermission permission, boolean overwrite, int bufferSize, short replication,
                                     long blockSize, Progressable progress) throws IOException {
        return Writes.create(server, locate(f), overwrite, true, statistics);
    }

    @Override
    public FSDataOutputStream createNonRecursive(Path f, FsPermission permission, EnumSet<CreateFlag> flags, int bufferSize,
                                                 short replication, long blockSize, Progressable progress) throws IOException {
        return Writes.create(server, locate(f), flags.contains(CreateFlag.OVERWRITE), false, statistics);
    }

    @Override
    public FSDataOutputStream append(Path f, int bufferSize, Progressable progress) throws IOException {
        return Writes.append(server, locate(f), statistics);
    }

    /** Append is supported ({@code fs.capability.paths.append}); the rest as Hadoop's default says. */
    @Override
    public boolean hasPathCapability(Path path, String capability) throws IOException {
        if (CommonPathCapabilities.FS_APPEND.equals(capability)) {
            return true;
        }
        return super.hasPathCapability(path, capability);
    }

    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        return Renames.rename(server, locate(src), locate(dst));
    }

    @Override
    public boolean delete(Path f, boolean recursive) throws IOException {
        return Directories.delete(server, locate(f), recursive);
    }

    @Override
    public FileStatus[] listStatus(Path f) throws IOException {
        return Listings.list(server, locate(f));
    }

    @Override
    public RemoteIterator<FileStatus> listStatusIterator(Path f) throws IOException {
        return Listings.iterator(server, locate(f));
    }

    @Override
    public boolean mkdirs(Path f, FsPermission permission) throws IOException {
        Directories.mkdirs(server, locate(f));
        return true;
    }

    @Override
    public FileStatus getFileStatus(Path f) throws IOException {
        return server.status(locate(f));
    }

    @Override
    public ContentSummary getContentSummary(Path f) throws IOException {
        return Listings.summary(server, locate(f));
    }

    /**
     * One location per {@code fs.smb.block.size} bytes of the range, each on the SMB server, so
     * Spark and MapReduce split a large file into as many tasks that read in parallel.
     */
    @Override
    public BlockLocation[] getFileBlockLocations(FileStatus file, long start, long len) throws IOException {
        if (file == null) {
            return null;
        }
        return Blocks.locations(file, start, len, server.settings.blockSize(), server.uri);
    }

    /** Sets the last write and last access times; -1 leaves one as it is. */
    @Override
    public void setTimes(Path f, long mtime, long atime) throws IOException {
        SmbLocation loc = locate(f);
        if (loc.isServerRoot()) {
            throw new FileNotFoundException(qualify(f) + ": the server root has no times");
        }
        SmbTree tree = server.tree(loc);
        Instant write = mtime < 0 ? null : Instant.ofEpochMilli(mtime);
        Instant access = atime < 0 ? null : Instant.ofEpochMilli(atime);
        HadoopErrors.io(qualify(f), () -> {
            tree.setTimes(loc.path(), null, access, write, null);
            return null;
        });
    }

    @Override
    public Path getWorkingDirectory() {
        return workingDirectory;
    }

    @Override
    public void setWorkingDirectory(Path dir) {
        workingDirectory = makeQualified(dir.isAbsolute() ? dir : new Path(workingDirectory, dir));
    }

    /** Closes this file system; the shared connection closes with the last one using it. */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        try {
            super.close();
        } finally {
            if (server != null) {
                server.connection.release();
            }
        }
    }

    @Override
    public String toString() {
        return "SmbFileSystem[" + (server == null ? "uninitialised" : server.uri + ", " + server.settings) + "]";
    }

    private Path qualify(Path f) {
        return makeQualified(f.isAbsolute() ? f : new Path(workingDirectory, f));
    }

    private SmbLocation locate(Path f) throws IOException {
        return SmbLocation.of(qualify(f));
    }
}
