package dev.smbco.cli.remote;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Login;
import dev.smbco.cli.SigningMode;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.client.Credentials;
import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.protocol.smb2.ShareFlags;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's connections through the smbco client: one {@link SmbClient} (one I/O thread), one
 * connection and session per server and user, one tree per share, all made on first use.
 */
public final class ClientRemote implements Remote {
    private static final Duration CLOSE_STEP = Duration.ofSeconds(2);

    private final SmbcoCommand options;
    private final Map<String, SmbSession> sessions = new LinkedHashMap<>();
    private final Map<String, RemoteShare> shares = new LinkedHashMap<>();
    /** The logon of each server key, as the pool (which DFS shares use) must see the same object to share it. */
    private final Map<String, Credentials> credentials = new LinkedHashMap<>();
    /** Shares whose tree the pool owns ({@code --dc}): closing the client's pool disconnects them, not we. */
    private final java.util.Set<RemoteShare> pooled = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private SmbClient client;
    private boolean closed;

    public ClientRemote(SmbcoCommand options) {
        this.options = options;
    }

    private synchronized SmbClient client() {
        if (closed) {
            throw new CliException(dev.smbco.cli.ExitStatus.CONNECTION, "interrupted");
        }
        if (client == null) {
            SmbConfig.Builder config = SmbConfig.builder()
                    .connectTimeout(options.timeout())
                    .requestTimeout(options.timeout())
                    .signing(options.signing() == SigningMode.REQUIRED ? SmbConfig.Policy.REQUIRED : SmbConfig.Policy.AUTO)
                    .encryption(options.encrypt() ? SmbConfig.Policy.REQUIRED : SmbConfig.Policy.AUTO)
                    .compounding(options.compound())
                    // A big file keeps eight 8 MiB READs or WRITEs in flight: 1024 credits and 64 MiB,
                    // the library's whole default window. Small requests may pass a chunk that waits for
                    // credits only within the scheduler's reserve (CreditScheduler), so the small files of
                    // a recursive copy (four requests each) would still often wait; twice the window
                    // leaves them room of their own.
                    .creditTarget(2048)
                    // cp/get/put survive a dropped connection: reconnect, reopen the durable handles and
                    // send the lost READs/WRITEs again, for up to a minute (or the timeout, if longer);
                    // a Wi-Fi or VPN blip should not cost a long copy. --no-reconnect: fail at once
                    .reconnect(!options.reconnect() ? dev.smbco.client.resilience.ReconnectPolicy.off()
                            : dev.smbco.client.resilience.ReconnectPolicy.on(
                                    options.timeout().compareTo(java.time.Duration.ofSeconds(60)) > 0 ? options.timeout() : java.time.Duration.ofSeconds(60)))
                    // --no-dfs: a path below a DFS link fails with STATUS_PATH_NOT_COVERED; --dc: the
                    // domain controllers that resolve smb://DOMAIN/share/ (domain and DC referrals)
                    .dfs(!options.dfs() ? dev.smbco.client.dfs.DfsPolicy.off()
                            : dev.smbco.client.dfs.DfsPolicy.on().withDomainControllers(options.domainControllers().toArray(String[]::new)))
                    .memoryBudget(128L << 20)
                    .ioThreads(1);
            dev.smbco.cli.CommandDeadline deadline = options.deadline();
            if (deadline != null) {
                // --deadline: what is left of it bounds every composite (stat, a listing, a transfer,
                // deleteTree, mkdirs, a server-side copy) and the connect. Single requests keep
                // --timeout: the clean-up after a deadline (deleting a partial file, CLOSE, LOGOFF)
                // must not fail for want of time
                java.time.Duration left = deadline.remaining();
                config.compositeTimeout(left);
                if (left.compareTo(options.timeout()) < 0) {
                    config.connectTimeout(left);
                }
            }
            if (options.minProtocol() != null) {
                config.minDialect(options.minProtocol());
            }
            if (options.maxProtocol() != null) {
                config.maxDialect(options.maxProtocol());
            }
            try {
                dev.smbco.cli.StartupTrace.mark("client library: loading (SmbConfig)");
                client = SmbClient.create(config.build());
                dev.smbco.cli.StartupTrace.mark("client library: SmbClient created (Netty event loop, transport)");
            } catch (IllegalArgumentException e) {
                throw CliException.usage(e.getMessage());
            }
        }
        return client;
    }

    private String serverKey(SmbUrl url) {
        return url.host().toLowerCase(Locale.ROOT) + ":" + url.portOr(options.port()) + ":" + url.domain() + ";" + url.user();
    }

    private static String server(SmbUrl url, int port) {
        return SmbUrl.SCHEME + (url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host()) + ":" + port;
    }

    @Override
    public synchronized RemoteShare share(SmbUrl url) {
        String key = serverKey(url) + "/" + url.share().toLowerCase(Locale.ROOT);
        RemoteShare known = shares.get(key);
        if (known != null) {
            return known;
        }
        if (options.dfs() && !options.domainControllers().isEmpty()) {
            // --dc: the URL's host may be a domain (smb://SMBCO.TEST/sysvol/): the pool resolves it
            RemoteShare share = throughPool(url);
            shares.put(key, share);
            pooled.add(share);
            return share;
        }
        SmbTree tree = tree(url);
        ClientShare plain = new ClientShare(url.withPath(""), tree, () -> reconnect(url));
        RemoteShare share = options.dfs() && isDfs(tree) ? dfs(url, plain) : plain;
        shares.put(key, share);
        return share;
    }

    /**
     * A new tree for a share whose connection was lost for good: a new connection and session
     * unless another share of that server made them already.
     */
    private synchronized SmbTree reconnect(SmbUrl url) {
        String key = serverKey(url);
        SmbSession old = sessions.get(key);
        if (old != null && !old.isOpen()) {
            sessions.remove(key);
            old.connection().close();
        }
        return tree(url);
    }

    private SmbTree tree(SmbUrl url) {
        SmbSession session = session(url);
        SmbUrl root = url.withPath("");
        SmbTree tree;
        try {
            tree = session.treeConnect(url.share());
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad share name in " + url + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, root.toString(), null);
        }
        dev.smbco.cli.StartupTrace.mark("TREE_CONNECT done");
        return tree;
    }

    /**
     * With {@code --dc}: the share through the client's pool, which resolves a domain name in the
     * URL through the domain controllers (MS-DFSC domain, DC and root referrals) and a plain server
     * name as it is. The pool owns the tree; a DFS root share found there is walked like any other.
     */
    private RemoteShare throughPool(SmbUrl url) {
        String key = serverKey(url);
        Credentials login = credentials.computeIfAbsent(key,
                k -> LoginCredentials.of(options.credentials().resolve(url), options.kerberos(), options.spn()));
        int port = url.portOr(options.port());
        SmbUrl root = url.withPath("");
        URI uri;
        try {
            uri = new URI("smb", null, url.host(), port, "/" + url.share(), null, null);
        } catch (URISyntaxException e) {
            throw CliException.usage("bad share in " + url + ": " + e.getMessage());
        }
        SmbTree tree;
        try {
            tree = client().pool().runSend(uri, login, (t, p) -> dev.smbco.coro.Coroutine.start(t.loop(), co -> {
                co.await(t.existsSend(p)); // under a link: STATUS_PATH_NOT_COVERED, and the pool follows the referral
                return t;
            })).await();
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad share name in " + url + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, root.toString(), null);
        }
        ClientShare plain = new ClientShare(root, tree, () -> throughPoolAgain(url));
        return isDfs(tree) ? dfs(url, plain) : plain;
    }

    private SmbTree throughPoolAgain(SmbUrl url) {
        synchronized (this) {
            shares.remove(serverKey(url) + "/" + url.share().toLowerCase(Locale.ROOT));
        }
        RemoteShare again = share(url);
        return (again instanceof DfsShare d ? d.root() : (ClientShare) again).tree();
    }

    /** MS-SMB2 2.2.10: a share in a DFS namespace (Samba: {@code msdfs root = yes}). */
    private static boolean isDfs(SmbTree tree) {
        return (tree.shareInfo().shareFlags() & (ShareFlags.DFS | ShareFlags.DFS_ROOT)) != 0;
    }

    /** The DFS root share {@code url} names: paths below links lead, through the client's pool, to other shares. */
    private RemoteShare dfs(SmbUrl url, ClientShare root) {
        int port = url.portOr(options.port());
        Credentials login = credentials.get(serverKey(url));
        return new DfsShare(root, client().pool(), login, path -> {
            try {
                return new URI("smb", null, url.host(), port, "/" + url.share() + (path.isEmpty() ? "" : "/" + path), null, null);
            } catch (URISyntaxException e) {
                throw CliException.usage("bad path " + path + " in " + url + ": " + e.getMessage());
            }
        });
    }

    @Override
    public synchronized List<ShareInfo> shares(SmbUrl server) {
        SmbSession session = session(server);
        try {
            return session.listShares();
        } catch (SmbAccessDeniedException e) {
            // refused at IPC$, at the srvsvc pipe or by NetrShareEnum itself: to the user it is one thing
            throw CliException.failed(server.toString(), "the server refused to list its shares ("
                    + dev.smbco.protocol.status.NtStatus.name(e.status()) + ")");
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, server.toString(), null);
        }
    }

    private SmbSession session(SmbUrl url) {
        String key = serverKey(url);
        SmbSession session = sessions.get(key);
        if (session != null) {
            return session;
        }
        int port = url.portOr(options.port());
        Login login = options.credentials().resolve(url);
        SmbConnection conn;
        try {
            SmbClient c = client();
            conn = c.connect(url.host(), port);
            dev.smbco.cli.StartupTrace.mark("connected: TCP + NEGOTIATE");
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, server(url, port), null);
        }
        Credentials logon = LoginCredentials.of(login, options.kerberos(), options.spn());
        try {
            session = conn.sessionSetup(logon);
            dev.smbco.cli.StartupTrace.mark("logged on: SESSION_SETUP (" + (options.kerberos() ? "Kerberos" : "NTLM") + ", keys)");
        } catch (RuntimeException e) {
            conn.close();
            CliException cli = ClientErrors.toCli(e, server(url, port), null);
            if (cli.status() == dev.smbco.cli.ExitStatus.AUTHENTICATION) {
                throw new CliException(cli.status(), cli.getMessage() + " for "
                        + (login.guest() ? "guest" : login.user() == null ? login.source()
                        : (login.domain() == null ? "" : login.domain() + "\\") + login.user() + " (user from " + login.source() + ")"),
                        cli.getCause());
            }
            throw cli;
        }
        sessions.put(key, session);
        credentials.put(key, logon);
        return session;
    }

    @Override
    public boolean sameConnection(SmbUrl a, SmbUrl b) {
        return serverKey(a).equals(serverKey(b));
    }

    @Override
    public Loop loop() {
        return client().loop();
    }

    /** Tree disconnect, logoff, close, each bounded to a few seconds; never throws. */
    @Override
    public void close() {
        List<RemoteShare> trees;
        List<SmbSession> open;
        SmbClient c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            trees = new ArrayList<>(shares.values());
            trees.removeAll(pooled);
            open = new ArrayList<>(sessions.values());
            c = client;
        }
        for (RemoteShare s : trees) {
            quietly((s instanceof DfsShare d ? d.root() : (ClientShare) s).tree().disconnectSend());
        }
        dev.smbco.cli.StartupTrace.mark("closing: TREE_DISCONNECT done");
        for (SmbSession s : open) {
            quietly(s.logoffSend());
            dev.smbco.cli.StartupTrace.mark("closing: LOGOFF done");
            s.connection().close();
        }
        dev.smbco.cli.StartupTrace.mark("closing: connections closed");
        if (c != null) {
            c.close();
        }
        dev.smbco.cli.StartupTrace.mark("closing: event loop stopped");
    }

    private static void quietly(Request<?> request) {
        try {
            request.withTimeout(CLOSE_STEP).await();
        } catch (RuntimeException ignored) {
            // the connection may be gone already: nothing more to be polite to
        }
    }
}
