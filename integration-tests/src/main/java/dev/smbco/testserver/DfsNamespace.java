package dev.smbco.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A DFS namespace on two private smbds (MS-DFSC): the <em>root server</em> on 127.0.0.1 and a free
 * port serves the DFS root share {@value #ROOT_SHARE}; the <em>target server</em> listens on
 * {@value #TARGET_ADDR}:445, because a referral names a target as {@code \host\share} with no port,
 * and serves {@value #TARGET_SHARE} and a DFS root of its own, {@value #TARGET_ROOT}. Links (Samba's
 * {@code msdfs:} symlinks in the root share's directory):
 * <ul>
 * <li>{@value #LINK} → {@code 127.0.0.2\share2};</li>
 * <li>{@value #FAILOVER_LINK} → {@code 127.0.0.3\share2,127.0.0.2\share2}: nothing listens on
 *     127.0.0.3:445, so a client must fail over to the second target;</li>
 * <li>{@value #LOOP_LINK} → {@code 127.0.0.2\dfs2\back}, and on the target server {@code back} →
 *     {@code 127.0.0.2\dfs2\back}: a referral loop.</li>
 * </ul>
 * Needs root (port 445) and {@value #TARGET_ADDR}:445 free: one namespace per machine at a time.
 */
public final class DfsNamespace implements AutoCloseable {
    public static final String ROOT_SHARE = "dfsroot";
    public static final String TARGET_ADDR = "127.0.0.2";
    /** Where nothing listens: the first target of {@link #FAILOVER_LINK}. */
    public static final String DOWN_ADDR = "127.0.0.3";
    public static final String TARGET_SHARE = "share2";
    public static final String TARGET_ROOT = "dfs2";
    public static final String LINK = "link";
    public static final String FAILOVER_LINK = "two";
    public static final String LOOP_LINK = "loop";

    private final LocalSmbd root;
    private final LocalSmbd target;

    private DfsNamespace(LocalSmbd root, LocalSmbd target) {
        this.root = root;
        this.target = target;
    }

    /** Starts both servers and makes the links. */
    public static DfsNamespace start() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new SambaUnavailableException("a DFS namespace needs root: its target server listens on " + TARGET_ADDR + ":445");
        }
        if (answers(TARGET_ADDR, 445)) {
            throw new IllegalStateException("something already listens on " + TARGET_ADDR + ":445 (another DfsNamespace?)");
        }
        LocalSmbd target = LocalSmbd.start(SambaVariant.DEFAULT, Map.of("SMBCO_ADDR", TARGET_ADDR, "SMBCO_PORT", "445",
                "SMBCO_EXTRA_SHARES", TARGET_SHARE, "SMBCO_DFS_ROOTS", TARGET_ROOT));
        LocalSmbd root = null;
        try {
            root = LocalSmbd.start(SambaVariant.DEFAULT, Map.of("SMBCO_DFS_ROOTS", ROOT_SHARE));
            Path dir = root.shareDir(ROOT_SHARE);
            link(dir, LINK, TARGET_ADDR + "\\" + TARGET_SHARE);
            link(dir, FAILOVER_LINK, DOWN_ADDR + "\\" + TARGET_SHARE + "," + TARGET_ADDR + "\\" + TARGET_SHARE);
            link(dir, LOOP_LINK, TARGET_ADDR + "\\" + TARGET_ROOT + "\\back");
            link(target.shareDir(TARGET_ROOT), "back", TARGET_ADDR + "\\" + TARGET_ROOT + "\\back");
            return new DfsNamespace(root, target);
        } catch (RuntimeException e) {
            target.stop();
            if (root != null) {
                root.stop();
            }
            throw e;
        }
    }

    /** Samba's form of a DFS link: a symlink whose target is {@code msdfs:server\share[,server\share...]}. */
    private static void link(Path dir, String name, String targets) {
        try {
            Files.createSymbolicLink(dir.resolve(name), Path.of("msdfs:" + targets));
        } catch (IOException e) {
            throw new UncheckedIOException("could not make the DFS link " + name + " in " + dir, e);
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The server with the DFS root share (127.0.0.1, a free port). */
    public LocalSmbd rootServer() {
        return root;
    }

    /** The link target server ({@value #TARGET_ADDR}:445). */
    public LocalSmbd targetServer() {
        return target;
    }

    /** {@code smb://127.0.0.1:PORT/dfsroot/} + {@code path} (no leading slash). */
    public String rootUri(String path) {
        return "smb://" + root.host() + ":" + root.port() + "/" + ROOT_SHARE + "/" + path;
    }

    /** Where the target server keeps {@value #TARGET_SHARE}'s files. */
    public Path targetShareDir() {
        return target.shareDir(TARGET_SHARE);
    }

    @Override
    public void close() {
        try {
            root.stop();
        } finally {
            target.stop();
        }
    }

    @Override
    public String toString() {
        return "DfsNamespace[root=" + root + ", target=" + target + "]";
    }
}
