package dev.smbco.hadoop;

import dev.smbco.client.DirEntry;
import dev.smbco.client.DirectoryPages;
import dev.smbco.client.FileStat;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbTree;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.client.rpc.ShareType;
import dev.smbco.coro.RequestException;
import java.io.Closeable;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * Directory listings: {@code listStatus}, the paged {@code listStatusIterator}, the content
 * summary of a tree, and the server root, whose entries are the disk shares (MS-SRVS 2.2.4.23
 * SHARE_INFO_1 through srvsvc NetShareEnumAll), leaving out the special {@code $} shares.
 */
final class Listings {
    private Listings() {
    }

    /** The entries of a directory, or the file itself for a file (FileSystem.listStatus's spec). */
    static FileStatus[] list(Server server, SmbLocation loc) throws IOException {
        if (loc.isServerRoot()) {
            return shares(server);
        }
        Path path = server.path(loc);
        FileStat stat = server.statOrNull(loc);
        if (stat == null) {
            throw new FileNotFoundException(path + ": no such file or directory");
        }
        if (!stat.isDirectory()) {
            return new FileStatus[] {server.status(path, stat)};
        }
        SmbTree tree = server.tree(loc);
        List<DirEntry> entries = HadoopErrors.io(path, () -> tree.list(loc.path()));
        FileStatus[] out = new FileStatus[entries.size()];
        for (int i = 0; i < out.length; i++) {
            DirEntry e = entries.get(i);
            out[i] = server.status(new Path(path, e.name()), e.stat());
        }
        return out;
    }

    /**
     * A paged listing: the directory is opened with its first QUERY_DIRECTORY page now (one round
     * trip where the connection compounds; a missing path is a {@link FileNotFoundException} here),
     * and each time the page at hand is used up, {@code hasNext} asks for one more page
     * ({@link DirectoryPages}), so a directory of a million entries is never held whole. The
     * handle closes when the listing ends, when the iterator is closed (it is {@link Closeable},
     * as Hadoop's {@code RemoteIterators.cleanupRemoteIterator} expects), or, for an iterator
     * dropped half way, once it is garbage. A file lists as itself; the server root as its shares.
     */
    static RemoteIterator<FileStatus> iterator(Server server, SmbLocation loc) throws IOException {
        if (loc.isServerRoot()) {
            return new Paged(server.path(loc), null, List.of(shares(server)));
        }
        Path path = server.path(loc);
        SmbTree tree = server.tree(loc);
        DirectoryPages pages;
        try {
            pages = tree.listPages(loc.path(), "*", server.settings.listPage());
        } catch (SmbException | RequestException e) {
            FileStat stat = server.statOrNull(loc);
            if (stat == null) {
                throw new FileNotFoundException(path + ": no such file or directory");
            }
            if (!stat.isDirectory()) {
                return new Paged(path, null, List.of(server.status(path, stat)));
            }
            throw HadoopErrors.map(e, path.toString());
        }
        return new Paged(path, pages, List.of()) {
            @Override
            List<FileStatus> nextPage() throws IOException {
                List<DirEntry> entries;
                try {
                    entries = pages.next();
                } catch (SmbException | RequestException e) {
                    throw HadoopErrors.map(e, path.toString());
                }
                List<FileStatus> out = new ArrayList<>(entries.size());
                for (DirEntry e : entries) {
                    out.add(server.status(new Path(path, e.name()), e.stat()));
                }
                return out;
            }
        };
    }

    /** Hands out one page of statuses, then asks {@link #nextPage()} for the next, until one is empty. */
    private static class Paged implements RemoteIterator<FileStatus>, Closeable {
        private final Path path;
        private final DirectoryPages pages;
        private List<FileStatus> page;
        private int next;
        private boolean ended;

        Paged(Path path, DirectoryPages pages, List<FileStatus> first) {
            this.path = path;
            this.pages = pages;
            this.page = first;
            this.ended = pages == null;
        }

        /** The next page; empty at the end. */
        List<FileStatus> nextPage() throws IOException {
            return List.of();
        }

        @Override
        public boolean hasNext() throws IOException {
            while (next == page.size() && !ended) {
                page = nextPage();
                next = 0;
                ended = page.isEmpty();
            }
            return next < page.size();
        }

        @Override
        public FileStatus next() throws IOException {
            if (!hasNext()) {
                throw new NoSuchElementException(path + ": no more entries");
            }
            return page.get(next++);
        }

        /** Stops the listing: closes the directory handle if the listing has not ended. */
        @Override
        public void close() throws IOException {
            ended = true;
            page = List.of();
            next = 0;
            if (pages != null) {
                try {
                    pages.close();
                } catch (SmbException | RequestException e) {
                    throw HadoopErrors.map(e, path.toString());
                }
            }
        }
    }

    /** Length, file and directory count below {@code loc}, in one walk on the server. */
    static ContentSummary summary(Server server, SmbLocation loc) throws IOException {
        Path path = server.path(loc);
        FileStat stat = server.statOrNull(loc);
        if (stat == null) {
            throw new FileNotFoundException(path + ": no such file or directory");
        }
        if (!stat.isDirectory()) {
            return new ContentSummary.Builder().length(stat.size()).fileCount(1).directoryCount(0)
                    .spaceConsumed(stat.size()).build();
        }
        SmbTree tree = server.tree(loc);
        long[] counts = new long[3]; // length, files, directories
        HadoopErrors.io(path, () -> tree.walk(loc.path(), (p, e) -> {
            if (e.isDirectory()) {
                counts[2]++;
            } else {
                counts[0] += e.size();
                counts[1]++;
            }
        }));
        return new ContentSummary.Builder().length(counts[0]).fileCount(counts[1]).directoryCount(counts[2] + 1)
                .spaceConsumed(counts[0]).build();
    }

    private static FileStatus[] shares(Server server) throws IOException {
        List<ShareInfo> shares;
        try {
            shares = server.connection.session().listShares();
        } catch (SmbException | RequestException e) {
            throw HadoopErrors.map(e, server.uri.toString());
        }
        List<FileStatus> out = new ArrayList<>();
        for (ShareInfo s : shares) {
            if (s.type() == ShareType.DISK && !s.isSpecial() && !s.name().endsWith("$")) {
                out.add(server.directory(new Path(server.path(new SmbLocation(null, "")), s.name())));
            }
        }
        return out.toArray(new FileStatus[0]);
    }
}
