package dev.smbco.client;

import dev.smbco.client.engine.CreditScheduler;
import dev.smbco.client.lease.LeaseBreakListener;
import dev.smbco.client.lease.internal.LeaseHold;
import dev.smbco.client.lease.LeaseState;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import dev.smbco.protocol.fscc.FileInformation;
import dev.smbco.protocol.fscc.FileNotifyInformation;
import dev.smbco.protocol.smb2.CreateResponse;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.FlushRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open file or directory (MS-SMB2 3.2.1.6 Open). Reads and writes of any size are split into
 * requests of the negotiated maximum that travel concurrently, bounded by credits and the
 * connection's memory budget. After {@link #closeSend()} every operation fails fast.
 *
 * <p><b>Buffer ownership.</b> {@link #readSend} completes with a buffer the <em>caller</em> must
 * release (a retained slice of the received frame, or a composite of several). {@link #writeSend}
 * does not take the caller's buffer: it retains slices of it for as long as it needs them, so the
 * caller may release its own reference as soon as the call returns.
 */
public final class SmbFile implements AutoCloseable {
    private final SmbTree tree;
    private final String path;
    private final CreateResponse created;
    private volatile boolean closed;
    private final AtomicLong knownEnd;
    /** The size an upload through this handle left (see {@link #uploaded(long)}), or -1. */
    private volatile long uploaded = -1;

    /** This open's share of its lease or oplock, or null when it asked for none. */
    private final LeaseHold lease;
    /** The handle now: the CREATE's, or the one a reconnection reopened (MS-SMB2 3.2.4.4). */
    private volatile FileId fileId;
    /** What reopening it after a reconnection needs; null when no durable handle was asked for. */
    private final TreeOpen.Reopen reopen;
    /** Set when a reconnection could not bring this handle back: every later request fails with it. */
    private volatile SmbHandleLostException lost;

    SmbFile(SmbTree tree, String path, CreateResponse created, LeaseHold lease, TreeOpen.Reopen reopen) {
        this.tree = tree;
        this.path = path;
        this.created = created;
        this.knownEnd = new AtomicLong(created.endOfFile());
        this.lease = lease;
        this.fileId = created.fileId();
        this.reopen = reopen;
        tree.session().connection().opens().add(this);
    }

    /**
     * Whether the server granted this open a durable handle (MS-SMB2 2.2.14.2.3 / 2.2.14.2.12), so
     * that it survives a dropped connection. Opens ask for one when the configuration reconnects
     * ({@code SmbConfig.reconnect}).
     *
     * @return true when the CREATE response carried a durable handle context
     */
    public boolean isDurable() {
        return reopen != null && reopen.durable().isGranted();
    }

    /** Internal: what a reconnection needs to reopen the handle, or null. */
    TreeOpen.Reopen reopen() {
        return reopen;
    }

    /** Internal: a reconnection reopened the handle as {@code id}. */
    void reopened(FileId id) {
        fileId = id;
    }

    /** Internal: why a reconnection could not bring the handle back, or null. */
    SmbHandleLostException lostCause() {
        return lost;
    }

    /** Internal: a reconnection could not bring the handle back. */
    void lost(SmbHandleLostException why) {
        lost = why;
    }

    /**
     * The lease (or, against a server without leasing, oplock) this open holds now: what the
     * server granted at the open, lowered by every break since; {@link LeaseState#NONE} when none
     * was asked for ({@link OpenOptions#lease}) or granted, and once the file is closed. All opens
     * of one path on one connection share one lease.
     *
     * @return the caching this open may do now
     */
    public LeaseState leaseState() {
        return lease == null || closed ? LeaseState.NONE : lease.state();
    }

    /**
     * Registers a listener for breaks of this open's lease (or oplock). It runs on the connection's
     * event loop when the server breaks the lease, before the client acknowledges the break; the
     * request it returns (e.g. {@link #flushSend()}, or writes of data held back) is awaited first,
     * so dirty data reaches the server before another client's open proceeds. Has no effect on an
     * open that asked for no lease.
     *
     * @param listener runs on the event loop and must not block; its request is awaited before
     *     the acknowledgment
     */
    public void onLeaseBreak(LeaseBreakListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (lease != null) {
            lease.addListener(listener);
        }
    }

    /**
     * The path this file was opened as.
     *
     * @return the path relative to the share root, backslash-separated ("" for the root)
     */
    public String path() {
        return path;
    }

    /**
     * The file's UNC name, which error messages name.
     *
     * @return {@code \\host\share\path}
     */
    public String unc() {
        return tree.unc(path);
    }

    /**
     * The tree this file was opened through.
     *
     * @return the tree
     */
    public SmbTree tree() {
        return tree;
    }

    /**
     * The handle's FileId now (MS-SMB2 2.2.14.1); a reconnection that reopens the durable handle changes it.
     *
     * @return the persistent and volatile parts of the handle
     */
    public FileId fileId() {
        return fileId;
    }

    /**
     * Metadata as of the open (CREATE response, MS-SMB2 2.2.14); not refreshed by later writes.
     *
     * @return size, times and attributes
     */
    public FileStat stat() {
        return statOf(created);
    }

    /** The metadata a CREATE response carries (MS-SMB2 2.2.14). */
    static FileStat statOf(CreateResponse created) {
        return FileStat.of(created.endOfFile(), created.allocationSize(), created.creationTime(), created.lastAccessTime(),
                created.lastWriteTime(), created.changeTime(), created.fileAttributes());
    }

    /**
     * Size as of the open; not refreshed by later writes.
     *
     * @return EndOfFile of the CREATE response, in bytes
     */
    public long size() {
        return created.endOfFile();
    }

    /**
     * Whether the open is of a directory (FILE_ATTRIBUTE_DIRECTORY in the CREATE response).
     *
     * @return true for a directory
     */
    public boolean isDirectory() {
        return created.isDirectory();
    }

    /**
     * CreateAction (MS-SMB2 2.2.14): whether the open superseded, opened, created or overwrote.
     *
     * @return FILE_SUPERSEDED 0, FILE_OPENED 1, FILE_CREATED 2 or FILE_OVERWRITTEN 3
     */
    public int createAction() {
        return created.createAction();
    }

    /**
     * Whether requests may still be made on this handle.
     *
     * @return false once {@link #closeSend()} was called, its tree or session closed, or the connection is gone
     */
    public boolean isOpen() {
        return !closed && tree.isOpen();
    }

    /**
     * The connection's event loop, where this file's requests deliver their callbacks.
     *
     * @return the loop
     */
    public Loop loop() {
        return tree.loop();
    }

    /**
     * The size of a single READ now: the negotiated maximum, shrunk to what the server's credit
     * grant can carry several of at once (see {@link CreditScheduler}).
     * Larger reads are split into parts of this size.
     *
     * @return the size in bytes, at most {@link SmbConfig#maxIoSize()}
     */
    public int maxReadSize() {
        return credits().ioSize(tree.negotiated().maxReadSize());
    }

    /**
     * The size of a single WRITE now, as {@link #maxReadSize()}.
     *
     * @return the size in bytes, at most {@link SmbConfig#maxIoSize()}
     */
    public int maxWriteSize() {
        return credits().ioSize(tree.negotiated().maxWriteSize());
    }

    /** The next chunk of a download ({@link CreditScheduler#transferSize}): smaller while small requests share the connection. */
    int transferReadSize() {
        return credits().transferSize(tree.negotiated().maxReadSize());
    }

    /** The next chunk of an upload, as {@link #transferReadSize()}. */
    int transferWriteSize() {
        return credits().transferSize(tree.negotiated().maxWriteSize());
    }

    CreditScheduler credits() {
        return tree.session().connection().sender().engine().credits();
    }

    // ------------------------------------------------------------------ read

    /**
     * Reads up to {@code length} bytes at {@code offset}. Fewer come back at the end of the file
     * (none at or past it). <b>The caller releases the returned buffer.</b>
     *
     * @param offset the file offset to read from, in bytes
     * @param length the most bytes to read; more than {@link #maxReadSize()} is split into several READs
     * @return a request for the bytes read, empty at or past the end
     */
    public Request<ByteBuf> readSend(long offset, int length) {
        if (offset < 0) {
            throw new IllegalArgumentException("READ " + unc() + ": negative offset " + offset);
        }
        if (length < 0) {
            throw new IllegalArgumentException("READ " + unc() + ": negative length " + length);
        }
        Request<ByteBuf> refused = refuseIfClosed("READ");
        if (refused != null) {
            return refused;
        }
        return SplitRead.start(this, offset, length);
    }

    /**
     * Blocking twin of {@link #readSend}; the caller releases the buffer.
     *
     * @param offset the file offset to read from, in bytes
     * @param length the most bytes to read
     * @return the bytes read, empty at or past the end
     */
    public ByteBuf read(long offset, int length) {
        return readSend(offset, length).await();
    }

    /**
     * The end of the file as far as this client knows: its size at the open, or further once this
     * handle's WRITEs went further. A short READ that stops before it is continued ({@link SplitRead}).
     */
    long knownEnd() {
        return knownEnd.get();
    }

    /** A WRITE up to {@code end} was acknowledged. */
    void extendKnownEnd(long end) {
        knownEnd.accumulateAndGet(end, Math::max);
    }

    // ------------------------------------------------------------------ write

    /**
     * Writes {@code data}'s readable bytes at {@code offset}; completes with their count once the
     * server has acknowledged every one of them. A WRITE the server takes only partly (Count below
     * Length) is continued with the rest; a server that takes nothing fails it with {@link
     * SmbNoProgressException} (see {@link SplitWrite}). Does not release or move {@code data} (it
     * retains slices while needed).
     *
     * @param offset the file offset to write at, in bytes; past the end extends the file
     * @param data the bytes, from its reader index
     * @return a request for the number of bytes written, {@code data.readableBytes()}
     */
    public Request<Long> writeSend(long offset, ByteBuf data) {
        Objects.requireNonNull(data, "data");
        if (offset < 0) {
            throw new IllegalArgumentException("WRITE " + unc() + ": negative offset " + offset);
        }
        Request<Long> refused = refuseIfClosed("WRITE");
        if (refused != null) {
            return refused;
        }
        uploaded = -1;
        return SplitWrite.start(this, offset, data);
    }

    /**
     * Writes a byte array at {@code offset}.
     *
     * @param offset the file offset to write at, in bytes
     * @param data the bytes; wrapped, not copied, so not to be changed until the request ends
     * @return a request for the number of bytes written
     */
    public Request<Long> writeSend(long offset, byte[] data) {
        return writeSend(offset, Unpooled.wrappedBuffer(data));
    }

    /**
     * Blocking twin of {@link #writeSend(long, ByteBuf)}.
     *
     * @param offset the file offset to write at, in bytes
     * @param data the bytes, from its reader index; neither released nor moved
     * @return the number of bytes written
     */
    public long write(long offset, ByteBuf data) {
        return writeSend(offset, data).await();
    }

    /**
     * Blocking twin of {@link #writeSend(long, byte[])}.
     *
     * @param offset the file offset to write at, in bytes
     * @param data the bytes
     * @return the number of bytes written
     */
    public long write(long offset, byte[] data) {
        return writeSend(offset, data).await();
    }

    // ------------------------------------------------------------------ other handle operations

    /**
     * MS-SMB2 3.2.4.17 FLUSH: the server writes what it holds of the file to stable storage.
     *
     * @return a request that ends when the server has flushed
     */
    public Request<Void> flushSend() {
        Request<Void> refused = refuseIfClosed("FLUSH");
        return refused != null ? refused : tree.send(new FlushRequest(fileId()), path, (header, body) -> null);
    }

    /** Blocking twin of {@link #flushSend()}. */
    public void flush() {
        flushSend().await();
    }

    /**
     * MS-SMB2 3.2.4.5 CLOSE. The handle is unusable from the moment this is called. When its tree was
     * disconnected or its session logged off, the server has closed the handle already: nothing is
     * sent and the request completes at once. After an {@linkplain #uploadSend(Path) upload} through
     * this handle (and no write since) the CLOSE checks the size as {@link #closeSend(long)} does.
     *
     * @return a request that ends when the server has closed the handle
     */
    public Request<Void> closeSend() {
        return closeChecking(uploaded);
    }

    /**
     * CLOSE that checks what the server holds: it asks for the file's attributes
     * (SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB, MS-SMB2 2.2.15) and fails with {@link
     * SmbSizeMismatchException}, naming both sizes, when the EndOfFile of the response (2.2.16)
     * is not {@code expectedSize}. The handle is closed either way. A server that answers without
     * the attributes although asked (some ignore the flag) cannot tell: that is no mismatch.
     *
     * @param expectedSize the size the file must have, in bytes
     * @return a request that ends when the handle is closed
     */
    public Request<Void> closeSend(long expectedSize) {
        if (expectedSize < 0) {
            throw new IllegalArgumentException("CLOSE " + unc() + ": negative expected size " + expectedSize);
        }
        return closeChecking(expectedSize);
    }

    /**
     * Blocking twin of {@link #closeSend(long)}; a handle that is closed already is left alone.
     *
     * @param expectedSize the size the file must have, in bytes
     */
    public void close(long expectedSize) {
        if (!closed) {
            closeSend(expectedSize).await();
        }
    }

    /** CLOSE, checking the size when {@code expected >= 0}. */
    private Request<Void> closeChecking(long expected) {
        Request<Void> refused = lost != null && !closed ? null : refuseIfClosed("CLOSE");
        if (refused != null) {
            return refused;
        }
        closed = true;
        Opens opens = tree.session().connection().opens();
        if (lease != null) {
            lease.release();
        }
        if (tree.closedByClient() || lost != null) {
            opens.remove(this);
            return Requests.completed(loop(), null); // the server closed it already (or lost it with the connection)
        }
        if (DurableClose.applies(this)) {
            return DurableClose.send(this, expected, opens); // stays among the opens until answered
        }
        opens.remove(this);
        return SizeCheckedClose.send(this, expected);
    }

    /**
     * Internal: an upload through this handle completed with {@code size} bytes from offset 0, so
     * the file now holds {@code max(size at the open, size)} bytes and the CLOSE checks that.
     */
    void uploaded(long size) {
        uploaded = Math.max(created.endOfFile(), size);
    }

    /** Closes if still open; a failure (e.g. connection gone) is rethrown. */
    @Override
    public void close() {
        if (!closed) {
            closeSend().await();
        }
    }

    /**
     * Sets one piece of file information (MS-SMB2 3.2.4.13 SET_INFO).
     *
     * @param information an MS-FSCC 2.4 information class with its value
     * @return a request that ends when the server has set it
     */
    public Request<Void> setInfoSend(FileInformation information) {
        Request<Void> refused = refuseIfClosed("SET_INFO");
        if (!(information instanceof dev.smbco.protocol.fscc.FileRenameInformation)) {
            uploaded = -1; // the size may change: nothing left to check at the CLOSE
        }
        return refused != null ? refused : HandleInfoSend.setInfo(this, information);
    }

    /**
     * Lists this directory handle's entries matching {@code pattern}, all pages.
     *
     * @param pattern the search pattern, with the server-side wildcards {@code *} and {@code ?}
     * @return a request for the entries, "." and ".." left out
     */
    public Request<List<DirEntry>> listSend(String pattern) {
        Request<List<DirEntry>> refused = refuseIfClosed("QUERY_DIRECTORY");
        return refused != null ? refused : DirectoryQuery.listSend(this, pattern);
    }

    /**
     * MS-SMB2 3.2.4.14 CHANGE_NOTIFY on this directory handle: completes when something in it
     * changes, with the changes the server reported (MS-FSCC 2.7.1 FILE_NOTIFY_INFORMATION; an empty
     * list when the server only says "something changed", STATUS_NOTIFY_ENUM_DIR). The server
     * answers STATUS_PENDING first and goes async; {@code cancel()} on the returned request sends
     * SMB2 CANCEL, and the request then ends CANCELLED.
     *
     * @param completionFilter FILE_NOTIFY_CHANGE_* bits ({@code ChangeNotifyRequest})
     * @param subtree          watch the whole subtree (SMB2_WATCH_TREE)
     * @return a request for the changes, paths relative to this directory
     */
    public Request<List<FileNotifyInformation>> watchSend(int completionFilter, boolean subtree) {
        Request<List<FileNotifyInformation>> refused = refuseIfClosed("CHANGE_NOTIFY");
        return refused != null ? refused : ChangeNotify.watchSend(this, completionFilter, subtree);
    }

    /**
     * Blocking twin of {@link #watchSend(int, boolean)}.
     *
     * @param completionFilter FILE_NOTIFY_CHANGE_* bits
     * @param subtree watch the whole subtree
     * @return the changes
     */
    public List<FileNotifyInformation> watch(int completionFilter, boolean subtree) {
        return watchSend(completionFilter, subtree).await();
    }

    // ------------------------------------------------------------------ locks, copy, sizes, links, security, streams

    /**
     * Locks a byte range (MS-SMB2 3.2.4.19). With {@code failImmediately} a held range fails at once
     * with STATUS_LOCK_NOT_GRANTED; otherwise the request waits (async on the server) until the range
     * is free, and {@code cancel()} on it sends SMB2 CANCEL.
     *
     * @param range the bytes and the mode (shared or exclusive)
     * @param failImmediately SMB2_LOCKFLAG_FAIL_IMMEDIATELY: refuse at once rather than wait
     * @return a request that ends when the range is locked
     */
    public Request<Void> lockSend(LockRange range, boolean failImmediately) {
        Request<Void> refused = refuseIfClosed("LOCK");
        return refused != null ? refused : Locks.lockSend(this, range, failImmediately);
    }

    /**
     * Blocking twin of {@link #lockSend}.
     *
     * @param range the bytes and the mode
     * @param failImmediately refuse at once rather than wait
     */
    public void lock(LockRange range, boolean failImmediately) {
        lockSend(range, failImmediately).await();
    }

    /**
     * Releases a range locked earlier with exactly this offset and length (SMB2_LOCKFLAG_UNLOCK).
     *
     * @param range the range as locked; its mode is ignored
     * @return a request that ends when the range is unlocked
     */
    public Request<Void> unlockSend(LockRange range) {
        Request<Void> refused = refuseIfClosed("LOCK");
        return refused != null ? refused : Locks.unlockSend(this, range);
    }

    /**
     * Blocking twin of {@link #unlockSend}.
     *
     * @param range the range as locked
     */
    public void unlock(LockRange range) {
        unlockSend(range).await();
    }

    /**
     * Server-side copy of {@code length} bytes from this file (opened for reading) into {@code target}
     * (opened for writing, same session): the data never crosses the network. Completes with the byte count.
     * FSCTL_SRV_REQUEST_RESUME_KEY, then FSCTL_SRV_COPYCHUNK_WRITE (MS-SMB2 3.2.4.20.1).
     *
     * @param target the file to copy into
     * @param sourceOffset where to start reading this file, in bytes
     * @param targetOffset where to start writing {@code target}, in bytes
     * @param length how many bytes to copy
     * @return a request for the number of bytes copied
     */
    public Request<Long> copyToSend(SmbFile target, long sourceOffset, long targetOffset, long length) {
        Request<Long> refused = refuseIfClosed("IOCTL");
        return refused != null ? refused : ServerSideCopy.copySend(this, target, sourceOffset, targetOffset, length);
    }

    /**
     * Server-side copy of the whole file (its size when opened) to the start of {@code target}.
     *
     * @param target the file to copy into, opened for writing on the same session
     * @return a request for the number of bytes copied
     */
    public Request<Long> copyToSend(SmbFile target) {
        return copyToSend(target, 0, 0, size());
    }

    /**
     * Blocking twin of {@link #copyToSend(SmbFile)}.
     *
     * @param target the file to copy into, opened for writing on the same session
     * @return the number of bytes copied
     */
    public long copyTo(SmbFile target) {
        return copyToSend(target).await();
    }

    /**
     * Truncates or extends the file to {@code length} bytes (MS-FSCC 2.4.13 FileEndOfFileInformation).
     *
     * @param length the new size in bytes; an extension reads as zeros
     * @return a request that ends when the server has set it
     */
    public Request<Void> setLengthSend(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("SET_INFO " + unc() + ": negative length " + length);
        }
        return setInfoSend(new dev.smbco.protocol.fscc.FileEndOfFileInformation(length));
    }

    /**
     * Blocking twin of {@link #setLengthSend}.
     *
     * @param length the new size in bytes
     */
    public void setLength(long length) {
        setLengthSend(length).await();
    }

    /**
     * Sets or clears the sparse flag (FSCTL_SET_SPARSE, MS-FSCC 2.3.64).
     *
     * @param sparse true to make the file sparse
     * @return a request that ends when the server has set it
     */
    public Request<Void> setSparseSend(boolean sparse) {
        Request<Void> refused = refuseIfClosed("IOCTL");
        return refused != null ? refused
                : tree.send(new dev.smbco.protocol.smb2.SetSparseRequest(sparse).toIoctl(fileId()), path, (header, body) -> {
                    dev.smbco.protocol.smb2.IoctlResponse.decode(body).release();
                    return null;
                });
    }

    /**
     * Blocking twin of {@link #setSparseSend}.
     *
     * @param sparse true to make the file sparse
     */
    public void setSparse(boolean sparse) {
        setSparseSend(sparse).await();
    }

    /**
     * Creates a hard link {@code linkPath} (share-relative) to this file (MS-FSCC 2.4.27.2 FileLinkInformation).
     *
     * @param linkPath the new name, relative to the share root
     * @param replaceIfExists whether an existing file of that name is replaced
     * @return a request that ends when the link exists
     */
    public Request<Void> hardLinkSend(String linkPath, boolean replaceIfExists) {
        return setInfoSend(dev.smbco.protocol.fscc.FileLinkInformation.of(
                dev.smbco.client.internal.SmbPaths.normalize(linkPath), replaceIfExists));
    }

    /**
     * Blocking twin of {@link #hardLinkSend}.
     *
     * @param linkPath the new name, relative to the share root
     * @param replaceIfExists whether an existing file of that name is replaced
     */
    public void hardLink(String linkPath, boolean replaceIfExists) {
        hardLinkSend(linkPath, replaceIfExists).await();
    }

    /**
     * Size and volume information of the file system this file lives on (QUERY_INFO of
     * FileFsFullSizeInformation and FileFsVolumeInformation, MS-FSCC 2.5).
     *
     * @return a request for the volume's sizes, in bytes, and its label
     */
    public Request<FsInfo> fsInfoSend() {
        Request<FsInfo> refused = refuseIfClosed("QUERY_INFO");
        return refused != null ? refused : FsInfo.querySend(this);
    }

    /**
     * Blocking twin of {@link #fsInfoSend()}.
     *
     * @return the volume's sizes and label
     */
    public FsInfo fsInfo() {
        return fsInfoSend().await();
    }

    /**
     * The parts of the security descriptor named by {@code SecurityInformation} bits (handle needs READ_CONTROL).
     *
     * @param securityInformation OWNER/GROUP/DACL/SACL_SECURITY_INFORMATION bits (MS-SMB2 2.2.37)
     * @return a request for the descriptor (MS-DTYP 2.4.6)
     */
    public Request<dev.smbco.protocol.dtyp.SecurityDescriptor> securitySend(int securityInformation) {
        Request<dev.smbco.protocol.dtyp.SecurityDescriptor> refused = refuseIfClosed("QUERY_INFO");
        return refused != null ? refused : SecurityInfo.querySend(this, securityInformation);
    }

    /**
     * Blocking twin of {@link #securitySend}.
     *
     * @param securityInformation OWNER/GROUP/DACL/SACL_SECURITY_INFORMATION bits
     * @return the descriptor
     */
    public dev.smbco.protocol.dtyp.SecurityDescriptor security(int securityInformation) {
        return securitySend(securityInformation).await();
    }

    /**
     * Sets the parts of the security descriptor named by {@code securityInformation} (WRITE_DAC / WRITE_OWNER).
     *
     * @param descriptor the descriptor to take the parts from
     * @param securityInformation OWNER/GROUP/DACL/SACL_SECURITY_INFORMATION bits
     * @return a request that ends when the server has set them
     */
    public Request<Void> setSecuritySend(dev.smbco.protocol.dtyp.SecurityDescriptor descriptor, int securityInformation) {
        Request<Void> refused = refuseIfClosed("SET_INFO");
        return refused != null ? refused : SecurityInfo.setSend(this, descriptor, securityInformation);
    }

    /**
     * Blocking twin of {@link #setSecuritySend}.
     *
     * @param descriptor the descriptor to take the parts from
     * @param securityInformation OWNER/GROUP/DACL/SACL_SECURITY_INFORMATION bits
     */
    public void setSecurity(dev.smbco.protocol.dtyp.SecurityDescriptor descriptor, int securityInformation) {
        setSecuritySend(descriptor, securityInformation).await();
    }

    /**
     * The file's data streams (main and alternate); open one as {@code "file.txt:name"}.
     *
     * @return a request for the streams (MS-FSCC 2.4.47 FileStreamInformation), names and sizes
     */
    public Request<List<dev.smbco.protocol.fscc.FileStreamInformation>> streamsSend() {
        Request<List<dev.smbco.protocol.fscc.FileStreamInformation>> refused = refuseIfClosed("QUERY_INFO");
        return refused != null ? refused : Streams.listSend(this);
    }

    /**
     * Blocking twin of {@link #streamsSend()}.
     *
     * @return the streams
     */
    public List<dev.smbco.protocol.fscc.FileStreamInformation> streams() {
        return streamsSend().await();
    }

    // ------------------------------------------------------------------ helpers (coroutines)

    /**
     * Downloads the whole file to {@code target} (created or truncated); completes with the byte count.
     *
     * @param target the local file
     * @param listener told the progress after each part
     * @return a request for the number of bytes downloaded
     */
    public Request<Long> downloadSend(Path target, TransferListener listener) {
        return Transfers.download(this, target, listener);
    }

    /**
     * Downloads the whole file into {@code out} (not closed); completes with the byte count.
     *
     * @param out where the bytes go, in order; written from the transfer's coroutine thread
     * @param listener told the progress after each part
     * @return a request for the number of bytes downloaded
     */
    public Request<Long> downloadSend(OutputStream out, TransferListener listener) {
        return Transfers.download(this, out, listener);
    }

    /**
     * {@link #downloadSend(Path, TransferListener)} without progress.
     *
     * @param target the local file, created or truncated
     * @return a request for the number of bytes downloaded
     */
    public Request<Long> downloadSend(Path target) {
        return downloadSend(target, TransferListener.NONE);
    }

    /**
     * Uploads {@code source} into this file from offset 0; completes with the byte count.
     *
     * @param source the local file
     * @param listener told the progress after each part
     * @return a request for the number of bytes uploaded
     */
    public Request<Long> uploadSend(Path source, TransferListener listener) {
        return Transfers.upload(this, source, listener);
    }

    /**
     * Uploads everything {@code in} yields (not closed) from offset 0; completes with the byte count.
     *
     * @param in the bytes, read to its end from the transfer's coroutine thread
     * @param listener told the progress after each part
     * @return a request for the number of bytes uploaded
     */
    public Request<Long> uploadSend(InputStream in, TransferListener listener) {
        return Transfers.upload(this, in, -1, listener);
    }

    /**
     * {@link #uploadSend(Path, TransferListener)} without progress.
     *
     * @param source the local file
     * @return a request for the number of bytes uploaded
     */
    public Request<Long> uploadSend(Path source) {
        return uploadSend(source, TransferListener.NONE);
    }

    /**
     * A blocking stream over the file from offset 0 with read-ahead (several READs in flight). Do
     * not use it on an event-loop thread. Closing the stream does not close the file. Failures are
     * {@link SmbIOException}s; after one, every later call throws (see there).
     *
     * @return a new stream at offset 0
     */
    public InputStream inputStream() {
        return new SmbInputStream(this, 0);
    }

    /**
     * A blocking stream writing the file from offset 0 with write-behind (several WRITEs in
     * flight); errors surface on a later write, flush or close, as {@link SmbIOException}s, and
     * break the stream for good. Closing the stream does not close the file.
     *
     * @return a new stream at offset 0
     */
    public OutputStream outputStream() {
        return new SmbOutputStream(this, 0);
    }

    /** A request already failed with {@link SmbClosedException} when this handle is closed, else null (tree and session are checked on sending). */
    private <T> Request<T> refuseIfClosed(String op) {
        SmbHandleLostException gone = lost;
        if (gone != null && !closed) {
            return Requests.failed(loop(), new SmbHandleLostException(op + " " + unc() + ": " + gone.reason(), gone));
        }
        if (!closed) {
            return null;
        }
        return Requests.failed(loop(), new SmbClosedException(op + " " + unc() + ": the file handle is closed"));
    }

    @Override
    public String toString() {
        return "SmbFile[" + unc() + (closed ? " closed" : "") + "]";
    }
}
