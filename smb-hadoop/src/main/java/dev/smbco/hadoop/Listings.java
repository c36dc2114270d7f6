package dev.smbco.hadoop;

import dev.smbco.client.DirEntry;
import dev.smbco.client.FileStat;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbTree;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.client.rpc.ShareType;
import dev.smbco.coro.RequestException;
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
 * Directory listings: {@code listStatus}, the lazy {@code listStatusIterator}, the content
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
     * A listing that asks the server only when first consulted (a caller that only wants to know
     * whether the path exists pays one stat), then hands out statuses one by one as they are made.
     */
    static RemoteIterator<FileStatus> iterator(Server server, SmbLocation loc) throws IOException {
        Path path = server.path(loc);
        if (!loc.isServerRoot() && server.statOrNull(loc) == null) {
            throw new FileNotFoundException(path + ": no such file or directory");
        }
        return new RemoteIterator<>() {
            private FileStatus[] page;
            private int next;

            @Override
            public boolean hasNext() throws IOException {
                if (page == null) {
                    page = list(server, loc);
                }
                return next < page.length;
            }

            @Override
            public FileStatus next() throws IOException {
                if (!hasNext()) {
                    throw new NoSuchElementException(path + ": no more entries");
                }
                return page[next++];
            }
        };
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
