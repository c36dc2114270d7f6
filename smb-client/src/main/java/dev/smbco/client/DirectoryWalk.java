package dev.smbco.client;

import dev.smbco.client.internal.SmbPaths;
import dev.smbco.coro.Co;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Listing a directory by its path (open it, {@link DirectoryQuery list} the handle, close it) and
 * walking a tree of them depth first, parents before children.
 */
final class DirectoryWalk {
    private DirectoryWalk() {
    }

    /**
     * The entries of {@code dir} matching {@code pattern}: the open and the first page in one
     * compound where the connection compounds ({@link TreeComposites#openAndList}), else an open
     * and a first QUERY_DIRECTORY; then the further pages and the CLOSE.
     */
    static Request<List<DirEntry>> list(SmbTree tree, String dir, String pattern) {
        String p = SmbPaths.normalize(dir);
        return CompositeDeadline.bound(Coroutine.start(tree.loop(), co -> {
            int length = DirectoryQuery.outputLength(tree);
            TreeComposites.FirstPage first = co.await(tree.composites().openAndList(p, pattern, length,
                    () -> openAndListSeparately(tree, p, pattern, length)));
            try (SmbFile d = first.dir()) {
                List<DirEntry> all = new ArrayList<>();
                if (first.entries() != null) {
                    all.addAll(first.entries());
                    DirectoryQuery.rest(co, d, pattern, all);
                }
                return all;
            }
        }), tree.config(), "list " + tree.unc(p));
    }

    /** The uncompounded first step of {@link #list}: CREATE, then the first QUERY_DIRECTORY (the handle closed if that fails). */
    static Request<TreeComposites.FirstPage> openAndListSeparately(SmbTree tree, String p, String pattern, int outputLength) {
        return Coroutine.start(tree.loop(), co -> {
            SmbFile d = co.await(tree.openSend(p, OpenOptions.directory()));
            try {
                return new TreeComposites.FirstPage(d, co.await(DirectoryQuery.pageSend(d, pattern, true, outputLength)));
            } catch (RuntimeException e) {
                d.close();
                throw e;
            }
        });
    }

    /** Visits every entry below {@code dir}; completes with their number. */
    static Request<Long> walk(SmbTree tree, String dir, BiConsumer<String, DirEntry> visitor) {
        String p = SmbPaths.normalize(dir);
        return CompositeDeadline.bound(Coroutine.start(tree.loop(), co -> walk(tree, co, p, visitor)), tree.config(), "walk " + tree.unc(p));
    }

    private static long walk(SmbTree tree, Co co, String dir, BiConsumer<String, DirEntry> visitor) {
        long n = 0;
        List<DirEntry> subdirs = new ArrayList<>();
        for (DirEntry e : co.await(tree.listSend(dir))) {
            visitor.accept(SmbPaths.child(dir, e.name()), e);
            n++;
            if (e.isDirectory()) {
                subdirs.add(e);
            }
        }
        for (DirEntry e : subdirs) {
            n += walk(tree, co, SmbPaths.child(dir, e.name()), visitor);
        }
        return n;
    }
}
