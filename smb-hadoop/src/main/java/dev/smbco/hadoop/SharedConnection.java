package dev.smbco.hadoop;

import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.RequestException;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One client, connection and session per (host, port, identity, security policy) in a JVM,
 * shared by every {@link SmbFileSystem} that names them (Spark runs many tasks per executor, each
 * asking Hadoop for a file system), with the trees of the shares they touched. Reference counted:
 * the last {@link #release()} closes it. A connection that was lost (server restart, network) is
 * set up again on the next {@link #tree(String)}; requests that were on the old one fail with the
 * client's typed exception.
 */
final class SharedConnection {
    /**
     * What identifies a shared connection. A digest of the password is part of it: a file system
     * configured with another (say, a wrong) password must log on itself, not borrow a session.
     */
    record Key(String host, int port, String user, String domain, String signing, String encrypt, String secret) {
        static Key of(String host, int port, SmbSettings s) {
            return new Key(host.toLowerCase(Locale.ROOT), port, s.user(), s.domain().toUpperCase(Locale.ROOT),
                    s.signing().name(), s.encrypt().name(), digest(s.password()));
        }

        private static String digest(char[] password) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(StandardCharsets.UTF_8.encode(CharBuffer.wrap(password)));
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA-256", e);
            }
        }

        @Override
        public String toString() {
            return "Key[" + user + "@" + host + ":" + port + "]"; // never the digest
        }
    }

    private static final Map<Key, SharedConnection> ALL = new ConcurrentHashMap<>();

    private final Key key;
    private final SmbSettings settings;
    private final String name;
    /** Guarded by this. */
    private int references;
    private SmbClient client;
    private SmbConnection connection;
    private SmbSession session;
    private final Map<String, SmbTree> trees = new HashMap<>();

    private SharedConnection(Key key, SmbSettings settings) {
        this.key = key;
        this.settings = settings;
        this.name = "smb://" + key.host() + (key.port() == SmbClient.DEFAULT_PORT ? "" : ":" + key.port());
    }

    /** The shared connection for {@code host:port} as {@code settings} say, one more reference to it. */
    static SharedConnection acquire(String host, int port, SmbSettings settings) {
        Key key = Key.of(host, port, settings);
        while (true) {
            SharedConnection c = ALL.computeIfAbsent(key, k -> new SharedConnection(k, settings));
            synchronized (c) {
                if (c.references >= 0) { // -1: closed by a concurrent last release; take a fresh one
                    c.references++;
                    return c;
                }
            }
            ALL.remove(key, c);
        }
    }

    /** How many shared connections are open in this JVM (for tests). */
    static int openCount() {
        return ALL.size();
    }

    /** The tree of {@code share}, connecting (again) as needed; failures name the share's smb:// URI. */
    synchronized SmbTree tree(String share) throws IOException {
        if (references < 0) {
            throw new IOException(name + ": the file system is closed");
        }
        String k = share.toLowerCase(Locale.ROOT);
        SmbTree tree = trees.get(k);
        if (tree != null && tree.isOpen()) {
            return tree;
        }
        SmbSession s = session();
        try {
            tree = s.treeConnect(share);
        } catch (SmbException | RequestException e) {
            throw HadoopErrors.map(e, name + "/" + share);
        }
        trees.put(k, tree);
        return tree;
    }

    /** The session, logging on (again) when there is none or its connection was lost. */
    synchronized SmbSession session() throws IOException {
        if (session != null && session.isOpen() && connection.isOpen()) {
            return session;
        }
        closeQuietly();
        try {
            client = SmbClient.create(settings.config());
            connection = client.connect(key.host(), key.port());
            session = connection.sessionSetup(settings.credentials());
            return session;
        } catch (SmbException | RequestException e) {
            closeQuietly();
            throw HadoopErrors.map(e, name);
        }
    }

    String name() {
        return name;
    }

    /** Drops one reference; the last one closes trees, session, connection and client. */
    void release() {
        synchronized (this) {
            if (references <= 0 || --references > 0) {
                return;
            }
            references = -1;
            closeQuietly();
        }
        ALL.remove(key, this);
    }

    private void closeQuietly() {
        trees.clear();
        SmbClient c = client;
        client = null;
        session = null;
        if (connection != null) {
            try {
                connection.close(); // logs off and disconnects what is still open
            } catch (SmbException | RequestException e) {
                // already gone: closing the client below is all that is left
            }
            connection = null;
        }
        if (c != null) {
            c.close();
        }
    }
}
