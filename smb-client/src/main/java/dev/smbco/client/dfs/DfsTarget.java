package dev.smbco.client.dfs;

import java.util.Objects;

/**
 * One target a DFS referral names (MS-DFSC 2.2.5.x NetworkAddress): a server, a share on it and
 * possibly a path below the share, to which the rest of the requested path is appended.
 *
 * @param host  the server as the referral names it (a name or an address; referrals carry no port)
 * @param share the share on it
 * @param path  the path below the share with {@code \} separators, "" for the share's root
 */
public record DfsTarget(String host, String share, String path) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException when {@code host}, {@code share} or {@code path} is null
     */
    public DfsTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(path, "path");
    }

    /**
     * {@code \\host\share[\path]}.
     *
     * @return the target as a UNC path, e.g. {@code \\fs1\data\projects}; without the {@code \path}
     *     part when {@code path} is ""
     */
    public String unc() {
        return "\\\\" + host + "\\" + share + (path.isEmpty() ? "" : "\\" + path);
    }

    @Override
    public String toString() {
        return unc();
    }
}
