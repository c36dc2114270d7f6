package dev.smbco.client.dfs.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a path is looked for: a server (with the port the client reaches it on), a share and the
 * path below it. Its DFS path is the form MS-DFSC 2.2.2 RequestFileName takes,
 * {@code \server\share[\path]}.
 *
 * @param host  server name or address
 * @param port  TCP port
 * @param share share name
 * @param path  below the share, {@code \} separators, "" for the share's root
 */
public record DfsLocation(String host, int port, String share, String path) {
    public DfsLocation {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(path, "path");
    }

    /** {@code \host\share[\path]}. */
    public String dfsPath() {
        return "\\" + host + "\\" + share + (path.isEmpty() ? "" : "\\" + path);
    }

    /** The key that tells two locations apart (case-insensitive, port included): a loop visits one twice. */
    String key() {
        return dfsPath().toLowerCase(Locale.ROOT) + "@" + port;
    }

    @Override
    public String toString() {
        return "\\" + dfsPath() + (port == 445 ? "" : " (port " + port + ")");
    }
}
