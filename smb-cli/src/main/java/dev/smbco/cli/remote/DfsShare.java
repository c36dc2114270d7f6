package dev.smbco.cli.remote;

import dev.smbco.cli.CliException;
import dev.smbco.cli.SmbUrl;
import dev.smbco.client.Credentials;
import dev.smbco.client.SmbTree;
import dev.smbco.client.pool.SmbPool;
import dev.smbco.coro.Coroutine;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * A DFS root share (its TREE_CONNECT said SMB2_SHAREFLAG_DFS): each path is first located through
 * the client's pool, which follows DFS referrals (MS-DFSC), and the operation then runs on the
 * share the path lives on, the root's own or a link target's on another server. Paths and names
 * in what it returns stay those of the DFS namespace, so a listing under a link can be walked
 * (cp -r) as if it were one share. Locating costs one stat per operation; a referral is asked for
 * once per link and then cached by the pool.
 */
final class DfsShare implements RemoteShare {
    /** Where a path of the namespace lives. */
    private record Located(RemoteShare share, String path) {
    }

    private final ClientShare root;
    private final SmbPool pool;
    private final Credentials credentials;
    /** The pool's URI of a path of this share ({@code /}-separated, relative to the root). */
    private final Function<String, URI> uri;
    private final Map<SmbTree, ClientShare> targets = new IdentityHashMap<>();

    DfsShare(ClientShare root, SmbPool pool, Credentials credentials, Function<String, URI> uri) {
        this.root = root;
        this.pool = pool;
        this.credentials = credentials;
        this.uri = uri;
    }

    private Located locate(String path) {
        SmbTree tree;
        String where;
        try {
            record Found(SmbTree tree, String path) {
            }
            Found f = pool.runSend(uri.apply(path), credentials, (t, p) -> Coroutine.start(t.loop(), co -> {
                co.await(t.existsSend(p)); // STATUS_PATH_NOT_COVERED under a link: the pool follows the referral
                return new Found(t, p);
            })).await();
            tree = f.tree();
            where = f.path().replace('\\', '/');
        } catch (RuntimeException e) {
            throw ClientErrors.toCli(e, root.url().withPath(path).toString(), null);
        }
        if (tree.unc().equalsIgnoreCase(root.tree().unc()) && where.equals(path)) {
            return new Located(root, path);
        }
        return new Located(target(tree), where);
    }

    private synchronized ClientShare target(SmbTree tree) {
        return targets.computeIfAbsent(tree, t -> {
            pool.hold(t.session()); // for the run: a long copy must not find its connection closed as idle
            String host = t.session().connection().host();
            int port = t.session().connection().port();
            String unc = t.unc();
            String share = unc.substring(unc.lastIndexOf('\\') + 1);
            return new ClientShare(SmbUrl.parse(SmbUrl.SCHEME + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port
                    + "/" + SmbUrl.encode(share)), t);
        });
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Both paths on one share, or a clear refusal. */
    private Located[] same(String a, String b, String what) {
        Located la = locate(a);
        Located lb = locate(b);
        if (la.share() != lb.share()) {
            throw CliException.failed(root.url().withPath(a).toString(), what + " " + root.url().withPath(b)
                    + " crosses DFS links (another share or server); copy and delete instead");
        }
        return new Located[] {la, lb};
    }

    /** The root share as connected. */
    ClientShare root() {
        return root;
    }

    @Override
    public SmbUrl url() {
        return root.url();
    }

    @Override
    public FileInfo stat(String path) {
        Located l = locate(path);
        return l.share().stat(l.path()).at(name(path), path);
    }

    @Override
    public Optional<FileInfo> find(String path) {
        Located l = locate(path);
        return l.share().find(l.path()).map(i -> i.at(name(path), path));
    }

    @Override
    public List<FileInfo> list(String dir) {
        Located l = locate(dir);
        return l.share().list(l.path()).stream().map(i -> i.at(i.name(), dir.isEmpty() ? i.name() : dir + "/" + i.name())).toList();
    }

    @Override
    public void mkdir(String path) {
        Located l = locate(path);
        l.share().mkdir(l.path());
    }

    @Override
    public void rmdir(String path) {
        Located l = locate(path);
        l.share().rmdir(l.path());
    }

    @Override
    public void delete(String path) {
        Located l = locate(path);
        l.share().delete(l.path());
    }

    @Override
    public void deleteTree(String path) {
        Located l = locate(path);
        l.share().deleteTree(l.path());
    }

    @Override
    public void rename(String from, String to, boolean replace) {
        Located[] l = same(from, to, "renaming to");
        l[0].share().rename(l[0].path(), l[1].path(), replace);
    }

    @Override
    public FileInfo download(String path, Path target, LongConsumer progress) {
        Located l = locate(path);
        return l.share().download(l.path(), target, progress).at(name(path), path);
    }

    @Override
    public long download(String path, OutputStream target, LongConsumer progress) {
        Located l = locate(path);
        return l.share().download(l.path(), target, progress);
    }

    @Override
    public long upload(Path source, String path, String renameTo, LongConsumer progress) {
        Located[] l = renameTo == null ? new Located[] {locate(path), null} : same(path, renameTo, "renaming");
        return l[0].share().upload(source, l[0].path(), l[1] == null ? null : l[1].path(), progress);
    }

    @Override
    public long upload(InputStream source, String path, String renameTo, LongConsumer progress) {
        Located[] l = renameTo == null ? new Located[] {locate(path), null} : same(path, renameTo, "renaming");
        return l[0].share().upload(source, l[0].path(), l[1] == null ? null : l[1].path(), progress);
    }

    /** Streams through the client instead: which server holds either side is known only per path. */
    @Override
    public long serverCopy(String from, RemoteShare target, String to, String renameTo, LongConsumer progress) {
        return -1;
    }
}
