package dev.smbco.cli.remote;

import dev.smbco.cli.CliException;
import dev.smbco.cli.SmbUrl;
import dev.smbco.client.DirEntry;
import dev.smbco.client.FileContent;
import dev.smbco.client.FileStat;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbSizeMismatchException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.client.SmbTree;
import dev.smbco.client.TransferListener;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/** A {@link RemoteShare} on a connected {@link SmbTree}; every client error becomes a {@link CliException} naming the URL. */
final class ClientShare implements RemoteShare {
    /** MS-ERREF STATUS_NOT_A_DIRECTORY: a path component is a file, so the path cannot exist. */
    private static final int STATUS_NOT_A_DIRECTORY = 0xC0000103;
    /**
     * Uploads share delete access, so that Ctrl-C can mark a temporary file for deletion while its
     * upload still holds it open; the server deletes it when the connection closes its handle.
     */
    private static final OpenOptions UPLOAD = OpenOptions.write().withShareAccess(ShareAccess.ALL)
            .withAccess(OpenOptions.write().access() | AccessMask.DELETE); // DELETE: renamed through this handle

    /** Files below this size are read with a single READ (a recursive copy is mostly small files). */
    private static final int SMALL_READ = 1 << 20;

    /** Files up to this size are uploaded with a single WRITE. */
    private static final long SMALL_FILE = 1 << 20;

    /** Bytes per server-side copy call: large enough to be cheap, small enough for the progress bar to move. */
    private static final long COPY_SLICE = 128L << 20;

    private final SmbUrl url;
    private final java.util.function.Supplier<SmbTree> reconnect;
    private volatile SmbTree tree;

    /** A share whose tree cannot be made again here (a DFS target from the pool): {@link #revive()} keeps it. */
    ClientShare(SmbUrl url, SmbTree tree) {
        this(url, tree, () -> tree);
    }

    ClientShare(SmbUrl url, SmbTree tree, java.util.function.Supplier<SmbTree> reconnect) {
        this.url = url;
        this.tree = tree;
        this.reconnect = reconnect;
    }

    @Override
    public void revive() {
        if (!tree.isOpen()) {
            tree = reconnect.get();
        }
    }

    SmbTree tree() {
        return tree;
    }

    @Override
    public SmbUrl url() {
        return url;
    }

    private String at(String path) {
        return url.withPath(path).toString();
    }

    @Override
    public FileInfo stat(String path) {
        try {
            return info(path, tree.stat(path));
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), null);
        }
    }

    @Override
    public Optional<FileInfo> find(String path) {
        try {
            return Optional.of(info(path, tree.stat(path)));
        } catch (SmbNotFoundException e) {
            return Optional.empty();
        } catch (SmbStatusException e) {
            if (e.status() == STATUS_NOT_A_DIRECTORY) {
                return Optional.empty();
            }
            throw ClientErrors.toCli(e, at(path), null);
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), null);
        }
    }

    @Override
    public List<FileInfo> list(String dir) {
        List<DirEntry> entries;
        try {
            entries = tree.list(dir);
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(dir), null);
        }
        List<FileInfo> out = new ArrayList<>(entries.size());
        for (DirEntry e : entries) {
            out.add(info(dir.isEmpty() ? e.name() : dir + "/" + e.name(), e.stat()));
        }
        return out;
    }

    private static FileInfo info(String path, FileStat s) {
        int slash = path.lastIndexOf('/');
        String name = slash < 0 ? path : path.substring(slash + 1);
        return new FileInfo(name, path, s.isDirectory(), s.isDirectory() ? 0 : s.size(), s.creationTime(), s.lastWriteTime(),
                s.lastAccessTime(), s.changeTime(), s.attributes());
    }

    @Override
    public void mkdir(String path) {
        run(path, () -> tree.mkdir(path));
    }

    @Override
    public void rmdir(String path) {
        run(path, () -> tree.rmdir(path));
    }

    @Override
    public void delete(String path) {
        run(path, () -> tree.delete(path));
    }

    @Override
    public void deleteTree(String path) {
        run(path, () -> tree.deleteTree(path));
    }

    @Override
    public void rename(String from, String to, boolean replace) {
        run(to, () -> tree.rename(from, to, replace));
    }

    private void run(String path, Runnable op) {
        try {
            op.run();
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), null);
        }
    }

    /**
     * A small file is read whole in one round trip: CREATE + READ of up to {@value #SMALL_READ}
     * bytes + CLOSE ({@link SmbTree#readFile}, a compound where the connection compounds), written with
     * one local write. When that was not the whole file (a larger one, or a short READ) it goes
     * through the library's pipelined download. The status comes from the open, so keeping the
     * modification time costs no further request.
     */
    @Override
    public FileInfo download(String path, Path target, LongConsumer progress) {
        try {
            FileContent small = tree.readFile(path, SMALL_READ);
            try {
                if (small.isWhole()) {
                    int n = small.data().readableBytes();
                    try (FileChannel ch = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.TRUNCATE_EXISTING)) {
                        ByteBuf data = small.data();
                        while (data.isReadable()) {
                            data.readBytes(ch, data.readableBytes());
                        }
                    }
                    progress.accept(n);
                    return info(path, small.stat());
                }
            } finally {
                small.release();
            }
        } catch (IOException e) {
            throw ClientErrors.toCli(e, at(path), target.toString());
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), target.toString());
        }
        return downloadLarge(path, target, progress);
    }

    /** A file {@link #download} could not take whole in one READ: the library's pipelined download. */
    private FileInfo downloadLarge(String path, Path target, LongConsumer progress) {
        try (SmbFile f = tree.open(path, OpenOptions.read())) {
            FileInfo info = info(path, f.stat());
            f.downloadSend(target, deltas(progress)).await();
            return info;
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), target.toString());
        }
    }

    @Override
    public long download(String path, OutputStream target, LongConsumer progress) {
        try {
            FileContent small = tree.readFile(path, SMALL_READ);
            try {
                if (small.isWhole()) {
                    int n = small.data().readableBytes();
                    small.data().readBytes(target, n);
                    target.flush();
                    progress.accept(n);
                    return n;
                }
            } finally {
                small.release();
            }
        } catch (IOException e) {
            throw ClientErrors.toCli(e, at(path), "standard output");
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), "standard output");
        }
        try (SmbFile f = tree.open(path, OpenOptions.read())) {
            return f.downloadSend(target, deltas(progress)).await();
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), "standard output");
        }
    }

    /**
     * Writes the file under {@code path}, closes it with a size check (the CLOSE asks the server
     * what it holds: a mismatch fails here, before anything gets the real name), and only then
     * renames it to {@code renameTo}. Every error names {@code renameTo}, the path the user gave,
     * never the hidden partial file.
     */
    @Override
    public long upload(Path source, String path, String renameTo, LongConsumer progress) {
        String shown = at(renameTo != null ? renameTo : path);
        try {
            long written;
            if (Files.size(source) <= SMALL_FILE) {
                // CREATE + one WRITE + size-checked CLOSE, one round trip where the connection compounds:
                // a recursive copy is mostly small files, and the streaming helper's setup costs more
                // than the whole file's transfer
                byte[] data = Files.readAllBytes(source);
                written = tree.writeFile(path, UPLOAD, Unpooled.wrappedBuffer(data));
                if (written != data.length) {
                    throw new SmbSizeMismatchException(shown, data.length, written);
                }
                progress.accept(written);
            } else {
                try (SmbFile f = tree.open(path, UPLOAD)) {
                    written = f.uploadSend(source, deltas(progress)).await();
                    f.close(written);
                }
            }
            commit(path, renameTo);
            return written;
        } catch (IOException e) {
            throw ClientErrors.toCli(e, shown, source.toString());
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, shown, source.toString());
        }
    }

    @Override
    public long upload(InputStream source, String path, String renameTo, LongConsumer progress) {
        try {
            long written;
            try (SmbFile f = tree.open(path, UPLOAD)) {
                written = f.uploadSend(source, deltas(progress)).await();
                f.close(written);
            }
            commit(path, renameTo);
            return written;
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(renameTo != null ? renameTo : path), "standard input");
        }
    }

    /**
     * Server-side copy (FSCTL_SRV_COPYCHUNK): both handles must live on one session, so only a
     * target share of this run's same connection qualifies. The copy goes in slices so that the
     * progress meter moves on a large file. A server that refuses the first slice (no COPYCHUNK,
     * or not across these shares) gets -1 and the caller streams instead; a failure after bytes
     * were copied is a real failure.
     */
    @Override
    public long serverCopy(String from, RemoteShare target, String to, String renameTo, LongConsumer progress) {
        if (!(target instanceof ClientShare t) || t.tree.session() != tree.session()) {
            return -1;
        }
        try (SmbFile src = tree.open(from, OpenOptions.read())) {
            long size = src.size();
            try (SmbFile dst = t.tree.open(to, UPLOAD)) {
                long done = 0;
                do {
                    long n = Math.min(COPY_SLICE, size - done);
                    try {
                        src.copyToSend(dst, done, done, n).await();
                    } catch (SmbStatusException | SmbProtocolException e) {
                        if (done == 0 && refused(e)) {
                            return -1;
                        }
                        throw e;
                    }
                    done += n;
                    progress.accept(n);
                } while (done < size);
                dst.close(size);
            }
            t.commit(to, renameTo);
            return size;
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(from), null);
        }
    }

    /**
     * Renames a just-written, closed and size-checked file to its real name (replacing what is
     * there). The rename goes by path after the CLOSE, not through the upload's handle before it:
     * only the CLOSE tells the size the server holds, and a file must not have its real name
     * before that is known to be right.
     */
    private void commit(String path, String renameTo) {
        if (renameTo == null) {
            return;
        }
        try {
            tree.rename(path, renameTo, true);
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(renameTo), null); // named after the file the user asked for
        }
    }

    /**
     * Whether a failed COPYCHUNK means the server does not copy inside itself here: not supported
     * at all (STATUS_NOT_SUPPORTED, STATUS_INVALID_DEVICE_REQUEST), a resume key it will not take
     * across these shares (STATUS_OBJECT_TYPE_MISMATCH), or chunk limits it keeps refusing.
     */
    private static boolean refused(RuntimeException e) {
        if (e instanceof SmbProtocolException) {
            return true;
        }
        int st = e instanceof SmbStatusException s ? s.status() : 0;
        return st == NtStatus.STATUS_NOT_SUPPORTED || st == NtStatus.STATUS_INVALID_DEVICE_REQUEST
                || st == NtStatus.STATUS_OBJECT_TYPE_MISMATCH;
    }

    /** The client reports bytes done so far; the meter wants increments. */
    private static TransferListener deltas(LongConsumer progress) {
        return deltas(progress, 0);
    }

    /** As {@link #deltas(LongConsumer)} for a transfer whose first {@code from} bytes were in place already. */
    private static TransferListener deltas(LongConsumer progress, long from) {
        AtomicLong last = new AtomicLong(from);
        return (done, total) -> {
            long before = last.getAndSet(done);
            if (done > before) {
                progress.accept(done - before);
            }
        };
    }

    /** Reopens the partial file without truncating it, for a resumed upload. */
    private static final OpenOptions RESUME_UPLOAD = UPLOAD.withDisposition(dev.smbco.protocol.smb2.CreateDisposition.OPEN);

    @Override
    public FileInfo download(String path, Path target, long from, LongConsumer progress) {
        try (SmbFile f = tree.open(path, OpenOptions.read())) {
            FileInfo info = info(path, f.stat());
            dev.smbco.client.ResumedTransfers.downloadSend(f, target, from, deltas(progress, from)).await();
            return info;
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), target.toString());
        }
    }

    @Override
    public long upload(Path source, String path, long from, LongConsumer progress) {
        try (SmbFile f = tree.open(path, RESUME_UPLOAD)) {
            if (f.size() != from) {
                f.setLength(from);
            }
            long written = dev.smbco.client.ResumedTransfers.uploadSend(f, source, from, deltas(progress, from)).await();
            f.close(written);
            return written;
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), source.toString());
        }
    }

    @Override
    public byte[] sha256(String path, long offset, int length) {
        try (SmbFile f = tree.open(path, OpenOptions.read())) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            long at = offset;
            long end = offset + length;
            while (at < end) {
                ByteBuf b = f.read(at, (int) Math.min(f.maxReadSize(), end - at));
                try {
                    if (!b.isReadable()) {
                        break;
                    }
                    at += b.readableBytes();
                    md.update(b.nioBuffer());
                } finally {
                    b.release();
                }
            }
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), null);
        }
    }

    @Override
    public Optional<byte[]> readSmall(String path) {
        try {
            FileContent c = tree.readFile(path, 64 << 10);
            try {
                return Optional.of(io.netty.buffer.ByteBufUtil.getBytes(c.data()));
            } finally {
                c.release();
            }
        } catch (SmbNotFoundException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), null);
        }
    }

    @Override
    public void writeSmall(String path, byte[] data) {
        try {
            tree.writeFile(path, UPLOAD, Unpooled.wrappedBuffer(data));
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, at(path), null);
        }
    }
}
