package dev.smbco.client.pool;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnectException;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.client.dfs.DfsPolicy;
import dev.smbco.client.dfs.internal.DfsLocation;
import dev.smbco.client.dfs.internal.DfsResolver;
import dev.smbco.coro.Cancellable;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that maps a server and an identity to a live connection, session and tree: one
 * connection per server ({@code host:port}, the host compared without case), one session on it per
 * {@link Credentials} object, one tree per share on that session. Callers that ask at the same time
 * share the same connect, logon and tree connect; a connection, session or tree that has closed or
 * failed is replaced on the next request for it.
 *
 * <pre>{@code
 * try (SmbClient client = SmbClient.create()) {
 *     Credentials alice = Credentials.ntlm("alice", "secret");
 *     try (SmbFile f = client.pool().open(URI.create("smb://fs1/data/report.txt"), alice, OpenOptions.read())) {
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Sessions are shared between calls that pass the <em>same</em> {@code Credentials} object (an
 * identity is the object, not its user name: two objects with the same name but other passwords
 * never share a logon). A connection the pool has not handed out for {@link
 * PoolOptions#idleTimeout()}, on which no file opened through {@link #openSend} is open any more
 * and which no {@link #hold} keeps, is closed; sessions and trees taken with {@link
 * #sessionSend}/{@link #treeSend} count as used when they are handed out. {@link #close(java.time.Duration)}
 * disconnects and logs off politely before closing. Thread-safe.
 *
 * <p>Operations on {@code smb://} URIs ({@link #openSend}, {@link #runSend}) follow DFS referrals
 * (MS-DFSC) as the client's {@link DfsPolicy} allows: a path in a DFS namespace is opened on the
 * server and share its link points to, reached through this pool with the same credentials. With
 * domain controllers in the policy ({@link DfsPolicy#withDomainControllers}), a URI whose host is a
 * domain ({@code smb://CORP/sysvol/...}) is resolved through the domain's DCs to a real server.
 */
public final class SmbPool implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmbPool.class);

    private final SmbClient client;
    private final Loop loop;
    private final PoolOptions options;
    /** Follows DFS referrals for URI operations; null when the client's {@link DfsPolicy} is off. */
    private final DfsResolver dfs;
    private final Map<String, Server> servers = new HashMap<>();
    private Cancellable sweep;
    private boolean closed;

    /** One server's connection and what hangs off it. */
    private static final class Server {
        final String host;
        final int port;
        final Shared<SmbConnection> connection;
        final Map<Credentials, Logon> logons = new IdentityHashMap<>();
        final List<SmbFile> files = new ArrayList<>();
        /** Open {@link Hold}s: while any is, the connection is never idle. */
        int holds;
        long lastUse = System.nanoTime();

        Server(String host, int port, Shared<SmbConnection> connection) {
            this.host = host;
            this.port = port;
            this.connection = connection;
        }

        /**
         * Whether it can still serve: connecting, connected and open, or reconnecting (its
         * {@link dev.smbco.client.resilience.ReconnectPolicy} may still bring it back, and the
         * sessions and files on it with it: closing it would end a transfer that can go on).
         */
        boolean alive() {
            if (connection.failed()) {
                return false;
            }
            SmbConnection c = connection.value();
            return c == null || usable(c);
        }

        boolean busy() {
            files.removeIf(f -> !f.isOpen());
            return !files.isEmpty() || holds > 0;
        }
    }

    /** A session on a server's connection and its trees. */
    private record Logon(SmbConnection on, Shared<SmbSession> session, Map<String, Shared<SmbTree>> trees) {
        boolean alive() {
            if (session.failed()) {
                return false;
            }
            SmbSession s = session.value();
            return s == null || s.isOpen() || s.connection().isReconnecting();
        }
    }

    /** Up, or down for now while the client reconnects it. */
    private static boolean usable(SmbConnection c) {
        return c.isOpen() || c.isReconnecting();
    }

    /**
     * Keeps a pooled connection from being closed as idle or to make room, until closed (see
     * {@link SmbPool#hold(SmbSession)}).
     */
    public interface Hold extends AutoCloseable {
        /** Lets the pool close the connection again once it is idle; a second call does nothing. */
        @Override
        void close();
    }

    /**
     * A pool on {@code client}'s loop; closing the pool closes its connections, not the client.
     *
     * @param client the client whose loop and configuration the pooled connections use
     * @param options idle timeout and connection limit
     */
    public SmbPool(SmbClient client, PoolOptions options) {
        this.client = Objects.requireNonNull(client, "client");
        this.options = Objects.requireNonNull(options, "options");
        this.loop = client.loop();
        DfsPolicy policy = client.config().dfs();
        this.dfs = policy.enabled() ? new DfsResolver(loop, policy, this::treeSend) : null;
    }

    /**
     * A session for {@code credentials} on the pooled connection to {@code host:port}, logged on
     * the first time and shared by later calls with equal credentials.
     *
     * @param host the server's host name or address
     * @param port the server's port, usually 445
     * @param credentials who logs on
     * @return a request for the session; the pool owns it (do not close it)
     */
    public Request<SmbSession> sessionSend(String host, int port, Credentials credentials) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(credentials, "credentials");
        return Coroutine.start(loop, co -> {
            Server server = server(host, port);
            SmbConnection conn = co.await(server.connection.join(loop));
            return co.await(logon(server, conn, credentials).session().join(loop));
        });
    }

    /**
     * A tree connected to {@code share} through the pooled session for {@code credentials} on
     * {@code host:port}, connected the first time and shared by later calls.
     *
     * @param host the server's host name or address
     * @param port the server's port, usually 445
     * @param share the share name, without {@code \\host\}
     * @param credentials who logs on
     * @return a request for the tree; the pool owns it (do not disconnect it)
     */
    public Request<SmbTree> treeSend(String host, int port, String share, Credentials credentials) {
        Objects.requireNonNull(share, "share");
        return Coroutine.start(loop, co -> {
            Server server = server(host, port);
            SmbConnection conn = co.await(server.connection.join(loop));
            Logon logon = logon(server, conn, credentials);
            SmbSession session = co.await(logon.session().join(loop));
            return co.await(tree(logon, session, share).join(loop));
        });
    }

    /**
     * Opens the file an {@code smb://host[:port]/share/path} URI names, through the pooled
     * connection, session and tree, following DFS referrals. The file counts as in use until it is
     * closed: its connection is not closed for being idle before that.
     *
     * @param uri the file, {@code smb://[user@]host[:port]/share/path} (see {@link SmbUri#parse(URI)})
     * @param credentials who logs on; must be the URI's user when it names one
     * @param options how to open it (access, disposition, share access, ...)
     * @return a request for the open file, which the caller closes
     * @throws IllegalArgumentException (at once) when {@code uri} is not such a URI, or names a user
     *                                  other than {@code credentials}'
     */
    public Request<SmbFile> openSend(URI uri, Credentials credentials, OpenOptions options) {
        Objects.requireNonNull(options, "options");
        Request<SmbFile> open = runSend(uri, credentials, (tree, path) -> tree.openSend(path, options));
        return Coroutine.start(loop, co -> track(co.await(open)));
    }

    /**
     * Runs {@code op} on the pooled tree and the path below it that an {@code smb://} URI names:
     * the URI's own share, or, when the path lies in a DFS namespace, the share a referral names
     * (on this or another server; {@code op} then sees the rewritten path). {@code op} may run
     * more than once (on each server the referrals lead to) and must start nothing it cannot
     * leave unfinished when it fails with STATUS_PATH_NOT_COVERED.
     *
     * @param <T> what {@code op}'s request completes with
     * @param uri the path, {@code smb://[user@]host[:port]/share/path} (see {@link SmbUri#parse(URI)})
     * @param credentials who logs on, on every server the referrals lead to; must be the URI's user
     *                    when it names one; not null
     * @param op started on the tree and share-relative path reached; not null
     * @return a request for what {@code op} completes with on the share that holds the path. It fails
     *         as {@code op}'s request does, or with {@link dev.smbco.client.SmbDfsException} when
     *         the referrals cannot be followed to a server (a loop, too many hops, no allowed or
     *         reachable target). The trees stay the pool's
     * @throws IllegalArgumentException (at once) when {@code uri} is not such a URI, or names a user
     *                                  other than {@code credentials}'
     */
    public <T> Request<T> runSend(URI uri, Credentials credentials, PathOperation<T> op) {
        SmbUri u = SmbUri.parse(uri);
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(op, "op");
        if (u.user() != null && !u.user().equalsIgnoreCase(credentials.user())) {
            throw new IllegalArgumentException("the URI names user '" + u.user() + "' but the credentials are for '"
                    + credentials.user() + "'");
        }
        if (dfs != null) {
            return dfs.runSend(new DfsLocation(u.host(), u.port(), u.share(), u.path()), credentials, op::apply);
        }
        return Coroutine.start(loop, co -> co.await(op.apply(co.await(treeSend(u.host(), u.port(), u.share(), credentials)), u.path())));
    }

    /** Counts {@code file} as in use on its server's pooled connection until it is closed. */
    private synchronized SmbFile track(SmbFile file) {
        SmbConnection conn = file.tree().session().connection();
        Server server = servers.get(SmbUri.serverKey(conn.host(), conn.port()));
        if (server != null && server.connection.value() == conn) {
            server.files.add(file);
        }
        return file;
    }

    /**
     * Blocking twin of {@link #openSend}.
     *
     * @param uri the file, {@code smb://[user@]host[:port]/share/path}
     * @param credentials who logs on; must be the URI's user when it names one
     * @param options how to open it
     * @return the open file, which the caller closes
     */
    public SmbFile open(URI uri, Credentials credentials, OpenOptions options) {
        return openSend(uri, credentials, options).await();
    }

    /**
     * Keeps the pooled connection that {@code session} lives on from being closed for idleness or
     * to make room for another, until the returned hold is closed. The pool counts a connection as
     * used only when it hands something out or a file opened through {@link #openSend} is open; a
     * caller that takes a session or tree ({@link #sessionSend}, {@link #treeSend}) and then works
     * on it for longer than {@link PoolOptions#idleTimeout()} (a long transfer, a program that
     * keeps its shares for its whole run) holds the connection so that it is not closed under that
     * work. A hold does not keep a connection that drops or that {@link #close()} closes.
     *
     * @param session a session the pool handed out; not null
     * @return the hold, to close when the work is done; one that does nothing when {@code session}
     *     is not on a connection the pool holds now
     */
    public Hold hold(SmbSession session) {
        Objects.requireNonNull(session, "session");
        SmbConnection conn = session.connection();
        Server server;
        synchronized (this) {
            server = servers.get(SmbUri.serverKey(conn.host(), conn.port()));
            if (server == null || server.connection.value() != conn) {
                return () -> { };
            }
            server.holds++;
            server.lastUse = System.nanoTime();
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                synchronized (SmbPool.this) {
                    server.holds--;
                    server.lastUse = System.nanoTime();
                }
            }
        };
    }

    /**
     * Closes the pool politely: a TREE_DISCONNECT for every pooled tree, then a LOGOFF for every
     * pooled session, each step on all servers at once and waiting at most {@code step}, then
     * closes the connections, as {@link #close()} does. A server that does not answer in time
     * costs {@code step} per step, never more; failures are ignored (the connection may be gone
     * already). Blocks the calling thread, which must not be the client's loop. Later requests
     * fail; a second call, or one after {@link #close()}, does nothing.
     *
     * @param step the longest wait for the TREE_DISCONNECTs, and again for the LOGOFFs; not null
     */
    public void close(java.time.Duration step) {
        Objects.requireNonNull(step, "step");
        List<Server> all = closeAll();
        if (all == null) {
            return;
        }
        List<SmbSession> sessions = new ArrayList<>();
        List<SmbTree> trees = new ArrayList<>();
        synchronized (this) {
            for (Server server : all) {
                for (Logon logon : server.logons.values()) {
                    SmbSession session = logon.session().value();
                    if (session == null || !session.isOpen()) {
                        continue;
                    }
                    sessions.add(session);
                    for (Shared<SmbTree> t : logon.trees().values()) {
                        SmbTree tree = t.value();
                        if (tree != null && tree.isOpen()) {
                            trees.add(tree);
                        }
                    }
                }
            }
        }
        PoliteClose.run(trees, sessions, step);
        all.forEach(SmbPool::drop);
    }


    /**
     * Connections the pool holds now (connecting or open).
     *
     * @return the count, at most {@link PoolOptions#maxConnections()}
     */
    public synchronized int connectionCount() {
        int n = 0;
        for (Server s : servers.values()) {
            if (s.alive()) {
                n++;
            }
        }
        return n;
    }

    /** Closes every pooled connection (their sessions, trees and files with them). Later requests fail. */
    @Override
    public void close() {
        List<Server> all = closeAll();
        if (all != null) {
            all.forEach(SmbPool::drop);
        }
    }

    /** Marks the pool closed and takes its servers out; null when it was closed already. */
    private synchronized List<Server> closeAll() {
        if (closed) {
            return null;
        }
        closed = true;
        List<Server> all = new ArrayList<>(servers.values());
        servers.clear();
        if (sweep != null) {
            sweep.cancel();
        }
        return all;
    }

    // ------------------------------------------------------------------ the maps (under this lock)

    private synchronized Server server(String host, int port) {
        if (closed) {
            throw new IllegalStateException("the pool is closed");
        }
        String key = SmbUri.serverKey(host, port);
        Server s = servers.get(key);
        if (s != null && !s.alive()) {
            servers.remove(key);
            drop(s);
            s = null;
        }
        if (s == null) {
            makeRoom();
            s = new Server(host, port, new Shared<>(client.connectSend(host, port)));
            servers.put(key, s);
            log.debug("pool: connecting to {}:{} ({} connections)", host, port, servers.size());
            scheduleSweep();
        }
        s.lastUse = System.nanoTime();
        return s;
    }

    private synchronized Logon logon(Server server, SmbConnection conn, Credentials credentials) {
        Logon l = server.logons.get(credentials);
        if (l == null || l.on() != conn || !l.alive()) {
            l = new Logon(conn, new Shared<>(conn.sessionSetupSend(credentials)), new HashMap<>());
            server.logons.put(credentials, l);
        }
        server.lastUse = System.nanoTime();
        return l;
    }

    private synchronized Shared<SmbTree> tree(Logon logon, SmbSession session, String share) {
        String key = share.toLowerCase(Locale.ROOT);
        Shared<SmbTree> t = logon.trees().get(key);
        SmbTree open = t == null ? null : t.value();
        if (t == null || t.failed() || (open != null && !open.isOpen() && !open.session().connection().isReconnecting())) {
            t = new Shared<>(session.treeConnectSend(share));
            logon.trees().put(key, t);
        }
        return t;
    }

    /** At the cap: closes the least recently used connection with no pooled file open, or refuses. */
    private void makeRoom() {
        if (servers.size() < options.maxConnections()) {
            return;
        }
        Map.Entry<String, Server> lru = null;
        for (Map.Entry<String, Server> e : servers.entrySet()) {
            if (!e.getValue().busy() && (lru == null || e.getValue().lastUse < lru.getValue().lastUse)) {
                lru = e;
            }
        }
        if (lru == null) {
            throw new SmbConnectException("connection pool full: " + servers.size()
                    + " connections, each with files open (PoolOptions.maxConnections)", null);
        }
        servers.remove(lru.getKey());
        log.debug("pool: closing {}:{} to make room", lru.getValue().host, lru.getValue().port);
        drop(lru.getValue());
    }

    private void scheduleSweep() {
        if (sweep == null && !closed) {
            long every = Math.max(1000, options.idleTimeout().toMillis() / 2);
            sweep = loop.schedule(this::sweep, every, TimeUnit.MILLISECONDS);
        }
    }

    /** On the loop, every half idle timeout while the pool holds connections: closes the idle ones. */
    private void sweep() {
        List<Server> idle = new ArrayList<>();
        synchronized (this) {
            sweep = null;
            long now = System.nanoTime();
            for (Iterator<Server> it = servers.values().iterator(); it.hasNext(); ) {
                Server s = it.next();
                if (!s.alive() || (!s.busy() && now - s.lastUse >= options.idleTimeout().toNanos())) {
                    it.remove();
                    idle.add(s);
                }
            }
            if (!servers.isEmpty()) {
                scheduleSweep();
            }
        }
        for (Server s : idle) {
            log.debug("pool: closing idle connection to {}:{}", s.host, s.port);
            drop(s);
        }
    }

    /** Closes a server's connection once it is there (a connect still pending is closed when it ends). */
    private static void drop(Server s) {
        SmbConnection c = s.connection.value();
        if (c != null) {
            c.close();
        } else if (!s.connection.failed()) {
            s.connection.whenDone(SmbConnection::close);
        }
    }
}
