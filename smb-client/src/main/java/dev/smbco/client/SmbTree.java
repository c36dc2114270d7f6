package dev.smbco.client;

import dev.smbco.client.engine.LateSuccess;
import dev.smbco.client.internal.ResponseParser;
import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.SmbPaths;
import dev.smbco.client.internal.Undo;
import dev.smbco.client.lease.internal.LeaseHold;
import dev.smbco.client.lease.internal.LeaseTable;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.fscc.FileBasicInformation;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.smb2.FileAttributes;
import dev.smbco.protocol.smb2.TreeConnectResponse;
import dev.smbco.protocol.smb2.TreeDisconnectRequest;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connected share (MS-SMB2 3.2.1.4). Paths are relative to the share root and may use {@code /}
 * or {@code \}; errors name the full UNC path. Operations that need a handle (stat, rename,
 * delete, ...) open, act and close as a coroutine, so they read top to bottom.
 *
 * <p>From the moment {@link #disconnectSend()} is called (or its session's {@code logoffSend()}),
 * every request on the tree and on files opened through it fails at once with {@link
 * SmbClosedException}, without sending anything; the session lives on.
 */
public final class SmbTree implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmbTree.class);

    private final SmbSession session;
    /** Replaced when a reconnection connects the tree again ({@link #rebind}). */
    private volatile Route route;
    private final String unc;
    private final TreeConnectResponse info;
    private volatile boolean disconnected;
    private final TreeComposites composites = new TreeComposites(this);

    SmbTree(SmbSession session, Route route, String unc, TreeConnectResponse info) {
        this.session = session;
        this.route = route;
        this.unc = unc;
        this.info = info;
        session.connection().opens().add(this);
    }

    // ------------------------------------------------------------------ open

    /**
     * MS-SMB2 3.2.4.3 CREATE: opens or creates {@code path} as {@code options} say. Should the open
     * succeed after the request ended (timed out, cancelled), the handle is closed at once: nobody
     * would ever close it otherwise, and it could lock others out of the file.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param options access, share access, disposition, create options, contexts
     * @return a request for the open file, which the caller closes
     * @throws IllegalArgumentException (at once) for a path with a character SMB forbids
     *     (MS-FSCC 2.1.5.2) or a {@code ..} segment
     */
    public Request<SmbFile> openSend(String path, OpenOptions options) {
        return TreeOpen.send(this, SmbPaths.normalize(path), options);
    }

    /** The lease (or oplock) an open that asks for one joins; null when it asks for none or opens a directory. */
    LeaseHold joinLease(String p, OpenOptions options) {
        if (options.lease() == null || (options.options() & CreateOptions.DIRECTORY_FILE) != 0) {
            return null;
        }
        Negotiated n = negotiated();
        return session.connection().leases().join(unc(p), route, LeaseTable.leasing(n.dialect(), n.capabilities()));
    }

    /** The undo of a CREATE nobody took: CLOSE the handle (MS-SMB2 3.2.4.5), unless the tree has gone, which closed it. */
    void closeUnclaimed(String u, FileId fileId) {
        if (closedByClient()) {
            return;
        }
        Undo.send(session.connection().sender(), new CloseRequest(0, fileId), route, "CLOSE (undo) " + u, config().requestTimeout());
    }

    /**
     * Blocking twin of {@link #openSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param options access, share access, disposition, create options, contexts
     * @return the open file, which the caller closes
     */
    public SmbFile open(String path, OpenOptions options) {
        return openSend(path, options).await();
    }

    // ------------------------------------------------------------------ metadata

    /**
     * Size, times and attributes of a file or directory (one CREATE for attributes, one CLOSE; one round trip compounded).
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return a request for the metadata; fails with {@link SmbNotFoundException} when nothing is there
     */
    public Request<FileStat> statSend(String path) {
        String p = SmbPaths.normalize(path);
        Request<FileStat> refused = refuseIfClosed("CREATE " + unc(p));
        return refused != null ? refused : composites.stat(p, () -> statSeparately(p));
    }

    /**
     * Opens {@code path} for reading, reads up to {@code maxLength} bytes from its start and closes
     * it: CREATE + READ + CLOSE, one round trip where the connection compounds and
     * {@code maxLength} is small (up to 1 MiB and one READ). {@link FileContent#isWhole()} says
     * whether that was the whole file. <b>The caller releases the result.</b>
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param maxLength the most bytes to read, not negative
     * @return a request for the metadata and up to {@code maxLength} bytes from offset 0
     */
    public Request<FileContent> readFileSend(String path, int maxLength) {
        if (maxLength < 0) {
            throw new IllegalArgumentException("READ " + path + ": negative length " + maxLength);
        }
        String p = SmbPaths.normalize(path);
        Request<FileContent> refused = refuseIfClosed("CREATE " + unc(p));
        if (refused != null) {
            return refused;
        }
        return composites.readFile(p, maxLength);
    }

    /**
     * Blocking twin of {@link #readFileSend}; the caller releases the result.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param maxLength the most bytes to read, not negative
     * @return the metadata and up to {@code maxLength} bytes from offset 0
     */
    public FileContent readFile(String path, int maxLength) {
        return readFileSend(path, maxLength).await();
    }

    /**
     * Opens {@code path} as {@code options} say, writes {@code data}'s readable bytes at offset 0
     * and closes it, checking that the server then holds {@code max(size at the open, data)} bytes
     * ({@link SmbFile#closeSend(long)}; a mismatch fails with {@link SmbSizeMismatchException}).
     * CREATE + WRITE + CLOSE in one round trip where the connection compounds and the data is
     * small (up to 1 MiB and one WRITE). Completes with the bytes written; does not release or
     * move {@code data}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param options how to open it, e.g. {@link OpenOptions#write()} to create or truncate
     * @param data the bytes to write, its readable bytes from its reader index
     * @return a request for the number of bytes written
     */
    public Request<Long> writeFileSend(String path, OpenOptions options, ByteBuf data) {
        String p = SmbPaths.normalize(path);
        Request<Long> refused = refuseIfClosed("CREATE " + unc(p));
        if (refused != null) {
            return refused;
        }
        return composites.writeFile(p, options, data);
    }

    /**
     * Blocking twin of {@link #writeFileSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param options how to open it
     * @param data the bytes to write; neither released nor moved
     * @return the number of bytes written
     */
    public long writeFile(String path, OpenOptions options, ByteBuf data) {
        return writeFileSend(path, options, data).await();
    }

    private Request<FileStat> statSeparately(String p) {
        return Coroutine.start(loop(), co -> {
            try (SmbFile f = co.await(openSend(p, OpenOptions.readAttributes()))) {
                return f.stat();
            }
        });
    }

    /**
     * Blocking twin of {@link #statSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return the metadata
     */
    public FileStat stat(String path) {
        return statSend(path).await();
    }

    /**
     * Whether something exists at {@code path}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return a request for true when a file or directory is there, false when the server says
     *     it is not found (any other failure fails the request)
     */
    public Request<Boolean> existsSend(String path) {
        return Coroutine.start(loop(), co -> {
            try {
                co.await(statSend(path));
                return true;
            } catch (SmbNotFoundException e) {
                return false;
            }
        });
    }

    /**
     * Blocking twin of {@link #existsSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return whether a file or directory is there
     */
    public boolean exists(String path) {
        return existsSend(path).await();
    }

    /**
     * Sets times (a null instant leaves that time unchanged) via FileBasicInformation (MS-FSCC 2.4.7).
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param creation the creation time, or null
     * @param lastAccess the last access time, or null
     * @param lastWrite the last write time, or null
     * @param change the change time, or null
     * @return a request that ends when the server has set them
     */
    public Request<Void> setTimesSend(String path, Instant creation, Instant lastAccess, Instant lastWrite, Instant change) {
        FileBasicInformation basic = FileBasicInformation.of(creation, lastAccess, lastWrite, change, 0);
        return PathSetInfo.send(this, path, AccessMask.FILE_WRITE_ATTRIBUTES, 0, basic);
    }

    /**
     * Blocking twin of {@link #setTimesSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param creation the creation time, or null
     * @param lastAccess the last access time, or null
     * @param lastWrite the last write time, or null
     * @param change the change time, or null
     */
    public void setTimes(String path, Instant creation, Instant lastAccess, Instant lastWrite, Instant change) {
        setTimesSend(path, creation, lastAccess, lastWrite, change).await();
    }

    /**
     * Sets the attributes via FileBasicInformation (MS-FSCC 2.4.7).
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param attributes {@link FileAttributes} bits; 0 is sent as NORMAL
     * @return a request that ends when the server has set them
     */
    public Request<Void> setAttributesSend(String path, int attributes) {
        FileBasicInformation basic = new FileBasicInformation(0, 0, 0, 0, attributes == 0 ? FileAttributes.NORMAL : attributes);
        return PathSetInfo.send(this, path, AccessMask.FILE_WRITE_ATTRIBUTES, 0, basic);
    }

    /**
     * Blocking twin of {@link #setAttributesSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @param attributes {@link FileAttributes} bits; 0 is sent as NORMAL
     */
    public void setAttributes(String path, int attributes) {
        setAttributesSend(path, attributes).await();
    }

    // ------------------------------------------------------------------ names

    /**
     * Renames (moves within the share) {@code from} to {@code to} (FileRenameInformation, MS-FSCC 2.4.42.2).
     *
     * @param from the current path below the share root
     * @param to the new path below the same share root
     * @param replace whether an existing target is replaced; without it an existing target fails
     *     with {@link SmbAlreadyExistsException}
     * @return a request that ends when the server has renamed it
     */
    public Request<Void> renameSend(String from, String to, boolean replace) {
        return NameChanges.rename(this, from, to, replace);
    }

    /**
     * Blocking twin of {@link #renameSend}.
     *
     * @param from the current path below the share root
     * @param to the new path below the same share root
     * @param replace whether an existing target is replaced
     */
    public void rename(String from, String to, boolean replace) {
        renameSend(from, to, replace).await();
    }

    /**
     * Deletes a file (not a directory).
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return a request that ends when the file is gone (or marked for deletion while others hold it open)
     */
    public Request<Void> deleteSend(String path) {
        return NameChanges.delete(this, path);
    }

    /**
     * Blocking twin of {@link #deleteSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     */
    public void delete(String path) {
        deleteSend(path).await();
    }

    /**
     * Removes an empty directory; a non-empty one fails with {@link SmbNotEmptyException}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return a request that ends when the directory is gone
     */
    public Request<Void> rmdirSend(String path) {
        return NameChanges.rmdir(this, path);
    }

    /**
     * Blocking twin of {@link #rmdirSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     */
    public void rmdir(String path) {
        rmdirSend(path).await();
    }

    /**
     * Creates a directory; an existing name fails with {@link SmbAlreadyExistsException}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return a request that ends when the directory exists
     */
    public Request<Void> mkdirSend(String path) {
        return NameChanges.mkdir(this, path, CreateDisposition.CREATE);
    }

    /**
     * Blocking twin of {@link #mkdirSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     */
    public void mkdir(String path) {
        mkdirSend(path).await();
    }

    /**
     * Creates a directory and any missing parents; existing directories are fine.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return a request that ends when the directory exists
     */
    public Request<Void> mkdirsSend(String path) {
        return NameChanges.mkdirs(this, path);
    }

    /**
     * Blocking twin of {@link #mkdirsSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     */
    public void mkdirs(String path) {
        mkdirsSend(path).await();
    }

    /**
     * Deletes a directory with everything below it (or a single file).
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     * @return a request that ends when everything is gone
     */
    public Request<Void> deleteTreeSend(String path) {
        return NameChanges.deleteTree(this, path);
    }

    /**
     * Blocking twin of {@link #deleteTreeSend}.
     *
     * @param path the path below the share root, {@code /} or {@code \} separated ("" is the root)
     */
    public void deleteTree(String path) {
        deleteTreeSend(path).await();
    }

    // ------------------------------------------------------------------ listing

    /**
     * Every entry of a directory (all pages of QUERY_DIRECTORY, MS-SMB2 3.2.4.17), "." and ".." left out.
     *
     * @param dir the directory below the share root ("" is the root)
     * @return a request for the entries, in the server's order
     */
    public Request<List<DirEntry>> listSend(String dir) {
        return listSend(dir, "*");
    }

    /**
     * The entries matching {@code pattern} (server-side wildcards {@code *} and {@code ?}).
     *
     * @param dir the directory below the share root ("" is the root)
     * @param pattern the search pattern the server matches names against, e.g. {@code *.txt}
     * @return a request for the matching entries, in the server's order
     */
    public Request<List<DirEntry>> listSend(String dir, String pattern) {
        // a closed tree fails at once, as the CREATE of the listing would (the compounded first
        // page goes around the tree's own send, which checks this)
        Request<List<DirEntry>> refused = refuseIfClosed("CREATE " + unc(SmbPaths.normalize(dir)));
        return refused != null ? refused : DirectoryWalk.list(this, dir, pattern);
    }

    /**
     * Blocking twin of {@link #listSend(String)}.
     *
     * @param dir the directory below the share root ("" is the root)
     * @return the entries, "." and ".." left out
     */
    public List<DirEntry> list(String dir) {
        return listSend(dir).await();
    }

    /**
     * Blocking twin of {@link #listSend(String, String)}.
     *
     * @param dir the directory below the share root ("" is the root)
     * @param pattern the search pattern, e.g. {@code *.txt}
     * @return the matching entries
     */
    public List<DirEntry> list(String dir, String pattern) {
        return listSend(dir, pattern).await();
    }

    /**
     * Opens {@code dir} to list it one page at a time (MS-SMB2 3.2.4.17): the open and the first
     * QUERY_DIRECTORY go out now, each {@link DirectoryPages#nextSend()} asks for one more page.
     * {@code pageBytes} bounds a page (the OutputBufferLength; at least
     * {@link DirectoryPages#MIN_PAGE_BYTES}, {@code Integer.MAX_VALUE} for the largest the connection
     * allows, at most 1 MiB). The handle closes when the listing ends; close the pages to stop early.
     *
     * @param dir the directory below the share root ("" is the root)
     * @param pattern the search pattern the server matches names against (the FileName of the
     *     QUERY_DIRECTORY request, MS-SMB2 2.2.33), e.g. {@code *.txt}; {@code *} for every entry. A
     *     pattern that matches nothing gives a listing that has ended at once
     * @param pageBytes the most bytes of entries one page may carry (MS-SMB2 2.2.33
     *     OutputBufferLength); at least {@link DirectoryPages#MIN_PAGE_BYTES}, lowered to what the
     *     connection allows
     * @return a request for the listing, its first page read; the caller closes it (or reads it to
     *     its end)
     * @throws IllegalArgumentException if {@code pageBytes} is less than
     *     {@link DirectoryPages#MIN_PAGE_BYTES}
     */
    public Request<DirectoryPages> listPagesSend(String dir, String pattern, int pageBytes) {
        Request<DirectoryPages> refused = refuseIfClosed("CREATE " + unc(SmbPaths.normalize(dir)));
        return refused != null ? refused : DirectoryPages.openSend(this, dir, pattern, pageBytes);
    }

    /**
     * Blocking twin of {@link #listPagesSend}.
     *
     * @param dir the directory below the share root ("" is the root)
     * @param pattern the search pattern the server matches names against, e.g. {@code *.txt}
     * @param pageBytes the most bytes of entries one page may carry; at least
     *     {@link DirectoryPages#MIN_PAGE_BYTES}
     * @return the listing, its first page read; the caller closes it (or reads it to its end)
     */
    public DirectoryPages listPages(String dir, String pattern, int pageBytes) {
        return listPagesSend(dir, pattern, pageBytes).await();
    }

    /**
     * Walks the tree below {@code dir} depth first, calling {@code visitor} with each entry's path
     * (relative to the share, backslash-separated) and entry, parents before children. The visitor
     * runs on the walk's coroutine thread. Returns the number of entries visited.
     *
     * @param dir the directory to walk, below the share root ("" is the root)
     * @param visitor given each entry's share-relative path and the entry
     * @return a request for the number of entries visited
     */
    public Request<Long> walkSend(String dir, BiConsumer<String, DirEntry> visitor) {
        return DirectoryWalk.walk(this, dir, visitor);
    }

    /**
     * Blocking twin of {@link #walkSend}.
     *
     * @param dir the directory to walk, below the share root
     * @param visitor given each entry's share-relative path and the entry
     * @return the number of entries visited
     */
    public long walk(String dir, BiConsumer<String, DirEntry> visitor) {
        return walkSend(dir, visitor).await();
    }

    // ------------------------------------------------------------------ tree

    /**
     * MS-SMB2 3.2.4.23 TREE_DISCONNECT. The tree and its files are unusable from the moment this is
     * called (later requests fail with {@link SmbClosedException}); the server closes the files
     * still open on it.
     *
     * @return a request that ends when the server has answered
     */
    public Request<Void> disconnectSend() {
        TreeDisconnectRequest body = new TreeDisconnectRequest();
        Request<Void> refused = refuseIfClosed(body.command() + " " + unc);
        if (refused != null) {
            return refused;
        }
        disconnected = true;
        session.connection().opens().remove(this);
        String u = unc;
        return session.connection().sender().send(body, route, body.command() + " " + u, u, config().requestTimeout(), null,
                (header, b) -> {
                    log.debug("tree {} disconnected (tid {})", u, route.treeId());
                    return null;
                });
    }

    /** Blocking twin of {@link #disconnectSend()}. */
    public void disconnect() {
        disconnectSend().await();
    }

    /** Disconnects the tree unless already closed; errors (the connection may already be gone) are ignored. */
    @Override
    public void close() {
        if (isOpen()) {
            try {
                disconnect();
            } catch (SmbException e) {
                // nothing to do: the server drops the tree with the session anyway
            }
        }
    }

    /**
     * Whether requests may still be made on this tree.
     *
     * @return false once {@link #disconnectSend()} was called, the session logged off or the connection is gone
     */
    public boolean isOpen() {
        return !disconnected && session.isOpen();
    }

    /**
     * The session this tree was connected through.
     *
     * @return the session
     */
    public SmbSession session() {
        return session;
    }

    /**
     * The share's UNC name, which error messages start with.
     *
     * @return {@code \\host\share}
     */
    public String unc() {
        return unc;
    }

    /**
     * The server's id for this tree connect (TreeId, MS-SMB2 2.2.1.2).
     *
     * @return the TreeId the TREE_CONNECT response assigned; a reconnection may change it
     */
    public int treeId() {
        return route.treeId();
    }

    /**
     * Whether requests on this tree are encrypted.
     *
     * @return true when the session encrypts or the share asked for it (SMB2_SHAREFLAG_ENCRYPT_DATA)
     */
    public boolean isEncrypted() {
        return route.encrypt();
    }

    /**
     * Asks the server for a DFS referral for {@code dfsPath} ({@code \\server\share\path}; MS-DFSC
     * 3.1.4.1): FSCTL_DFS_GET_REFERRALS on this tree, which should be the server's IPC$. The pool
     * follows referrals by itself ({@link dev.smbco.client.dfs.DfsPolicy}); this is the one request
     * underneath. A referral that does not parse fails with {@link SmbProtocolException}.
     *
     * @param dfsPath the DFS path to resolve, {@code \\server\share\path}
     * @return a request for the server's referral response
     */
    public Request<dev.smbco.protocol.smb2.DfsReferralResponse> dfsReferralSend(String dfsPath) {
        return DfsReferrals.send(this, dfsPath);
    }

    /**
     * TREE_CONNECT's answer (MS-SMB2 2.2.10).
     *
     * @return share type, flags, capabilities, maximal access
     */
    public TreeConnectResponse shareInfo() {
        return info;
    }

    /**
     * The connection's event loop, where this tree's requests deliver their callbacks.
     *
     * @return the loop
     */
    public Loop loop() {
        return session.connection().loop();
    }

    @Override
    public String toString() {
        return "SmbTree[" + unc + " tid=" + route.treeId() + (disconnected ? " disconnected" : "") + "]";
    }

    // ------------------------------------------------------------------ internals

    String unc(String normalizedPath) {
        return normalizedPath.isEmpty() ? unc : unc + "\\" + normalizedPath;
    }

    Route route() {
        return route;
    }

    /** Internal: a reconnection connected the tree again along {@code r} (MS-SMB2 3.2.4.2.4). */
    void rebind(Route r) {
        route = r;
    }

    TreeConnectResponse info() {
        return info;
    }

    SmbConfig config() {
        return session.connection().config();
    }

    <R> Request<R> send(Smb2Request body, String path, ResponseParser<R> parser) {
        return send(body, path, null, parser);
    }

    <R> Request<R> send(Smb2Request body, String path, java.util.function.IntPredicate okStatus, ResponseParser<R> parser) {
        return send(body, path, okStatus, parser, null);
    }

    /** As {@link #send(Smb2Request, String, java.util.function.IntPredicate, ResponseParser)}; {@code undo} undoes a success nobody takes. */
    <R> Request<R> send(Smb2Request body, String path, java.util.function.IntPredicate okStatus, ResponseParser<R> parser,
                        LateSuccess undo) {
        return send(body, path, okStatus, parser, undo, false);
    }

    /** As {@link #send(Smb2Request, String, java.util.function.IntPredicate, ResponseParser, LateSuccess)}, as a replay when {@code replay}. */
    <R> Request<R> send(Smb2Request body, String path, java.util.function.IntPredicate okStatus, ResponseParser<R> parser,
                        LateSuccess undo, boolean replay) {
        String u = unc(path);
        String what = body.command() + " " + u;
        Request<R> refused = refuseIfClosed(what);
        if (refused != null) {
            ReferenceCountUtil.release(body); // a WRITE owns its data slice: nobody else will release it
            return refused;
        }
        return session.connection().sender().send(body, route, what, u, config().requestTimeout(), okStatus, parser, null, undo, replay);
    }

    /** A request already failed with {@link SmbClosedException} when the session or this tree is closed, else null. */
    <T> Request<T> refuseIfClosed(String what) {
        Request<T> refused = session.refuseIfLoggedOff(what);
        if (refused != null || !disconnected) {
            return refused;
        }
        return Requests.failed(loop(), new SmbClosedException(what + ": tree " + unc + " is disconnected"));
    }

    /** Whether this tree or its session was closed by the client (not whether the connection is up). */
    boolean closedByClient() {
        return disconnected || session.isLoggedOff();
    }

    Negotiated negotiated() {
        return session.connection().negotiated();
    }

    TreeComposites composites() {
        return composites;
    }

}
