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
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.client.pool.SmbPool;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.coro.Loop;
import dev.smbco.protocol.smb2.ShareFlags;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run's connections through the smbco client: one {@link SmbClient} (one I/O thread) whose
 * {@link SmbPool} holds every connection, session and tree of the run (one connection per server,
 * one session on it per user, one tree per share, made on first use), for plain shares, DFS root
 * shares and the link targets they lead to alike. Here only the logon of each user is kept: the
 * pool tells identities apart by their {@link Credentials} object.
 */
public final class ClientRemote implements Remote {
    private static final Duration CLOSE_STEP = Duration.ofSeconds(2);

    private final SmbcoCommand options;
    /** The logon of each server and user ({@link #serverKey}): the pool shares a session only with the same object. */
    private final Map<String, Credentials> credentials = new LinkedHashMap<>();
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
        if (options.dfs() && !options.domainControllers().isEmpty()) {
            // --dc: the URL's host may be a domain (smb://SMBCO.TEST/sysvol/): the pool resolves it
            return throughPool(url);
        }
        SmbTree tree = tree(url);
        ClientShare plain = new ClientShare(url.withPath(""), tree, () -> tree(url));
        return options.dfs() && isDfs(tree) ? dfs(url, plain) : plain;
    }

    /**
     * The pool's tree for the share {@code url} names: the pooled one, or, when none is open (the
     * first time, or after the connection was lost for good and {@link ClientShare#revive()} asks
     * again), a new tree connect, on a new session and connection where those were lost too. Held
     * for the rest of the run: the pool must not close the connection as idle under a long copy.
     */
    private SmbTree tree(SmbUrl url) {
        session(url); // connect and logon errors name the server and the user
        SmbUrl root = url.withPath("");
        SmbTree tree;
        try {
            tree = client().pool().treeSend(url.host(), url.portOr(options.port()), url.share(), login(url)).await();
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad share name in " + url + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, root.toString(), null);
        }
        client().pool().hold(tree.session());
        dev.smbco.cli.StartupTrace.mark("TREE_CONNECT done");
        return tree;
    }

    /** The run's one {@link Credentials} object for the user that {@code url} logs on as, made on first use. */
    private synchronized Credentials login(SmbUrl url) {
        return credentials.computeIfAbsent(serverKey(url),
                k -> LoginCredentials.of(options.credentials().resolve(url), options.kerberos(), options.spn()));
    }

    /**
     * With {@code --dc}: the share through the client's pool, which resolves a domain name in the
     * URL through the domain controllers (MS-DFSC domain, DC and root referrals) and a plain server
     * name as it is. The pool owns the tree; a DFS root share found there is walked like any other.
     */
    private RemoteShare throughPool(SmbUrl url) {
        Credentials login = login(url);
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
        client().pool().hold(tree.session());
        ClientShare plain = new ClientShare(root, tree, () -> throughPoolAgain(url));
        return isDfs(tree) ? dfs(url, plain) : plain;
    }

    private SmbTree throughPoolAgain(SmbUrl url) {
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
        Credentials login = login(url);
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

    /**
     * The pool's session for the user {@code url} names on its server: connecting and logging on
     * the first time (and again after the connection was lost for good). A failure names the
     * server, and for a refused logon the user and where the user name came from.
     */
    private SmbSession session(SmbUrl url) {
        int port = url.portOr(options.port());
        Login login = options.credentials().resolve(url);
        Credentials logon = login(url);
        SmbSession session;
        try {
            session = client().pool().sessionSend(url.host(), port, logon).await();
        } catch (IllegalArgumentException e) {
            throw CliException.usage("bad server in " + url + ": " + e.getMessage());
        } catch (RuntimeException e) {
            CliException cli = ClientErrors.toCli(e, server(url, port), null);
            if (cli.status() == dev.smbco.cli.ExitStatus.AUTHENTICATION) {
                throw new CliException(cli.status(), cli.getMessage() + " for "
                        + (login.guest() ? "guest" : login.user() == null ? login.source()
                        : (login.domain() == null ? "" : login.domain() + "\\") + login.user() + " (user from " + login.source() + ")"),
                        cli.getCause());
            }
            throw cli;
        }
        dev.smbco.cli.StartupTrace.mark("logged on: TCP + NEGOTIATE + SESSION_SETUP (" + (options.kerberos() ? "Kerberos" : "NTLM") + ", keys)");
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

    /**
     * Tree disconnect and logoff for everything the pool holds (each step on all servers at once,
     * bounded to a few seconds), then the connections and the event loop are closed; never throws.
     */
    @Override
    public void close() {
        SmbClient c;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            c = client;
        }
        if (c == null) {
            return;
        }
        try {
            c.pool().close(CLOSE_STEP);
        } catch (RuntimeException ignored) {
            // the client is closed already: nothing more to be polite to
        }
        dev.smbco.cli.StartupTrace.mark("closing: TREE_DISCONNECT, LOGOFF done, connections closed");
        c.close();
        dev.smbco.cli.StartupTrace.mark("closing: event loop stopped");
    }
}
