package dev.smbco.client.dfs.internal;

import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.dfs.DfsTarget;
import dev.smbco.protocol.smb2.DfsReferralResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one referral says, reduced to what a client follows: the DFS path prefix it covers and
 * its targets in the server's order (MS-DFSC 3.1.5.4.3: the list is ordered by preference),
 * and how long it may be cached.
 *
 * @param prefix     the part of the requested path the referral covers ({@code \server\share\link}), as sent
 * @param targets    where that prefix lives, at least one
 * @param ttlSeconds TimeToLive of the entries (the lowest of them; 0 when V1 gives none)
 */
public record DfsReferral(String prefix, List<DfsTarget> targets, int ttlSeconds) {
    public DfsReferral {
        targets = List.copyOf(targets);
    }

    /**
     * The referral {@code r} gives for {@code requested}. PathConsumed (MS-DFSC 2.2.4) counts
     * UTF-16 bytes of the request path; it must end at a component boundary.
     *
     * @throws SmbProtocolException when it covers more than was asked or ends inside a name, or
     *                              when the referral names no target at all
     */
    public static DfsReferral of(String requested, DfsReferralResponse r, String what) {
        int consumed = r.pathConsumed() / 2;
        if (r.pathConsumed() % 2 != 0 || consumed > requested.length()
                || (consumed < requested.length() && requested.charAt(consumed) != '\\') || consumed < 2) {
            // some servers count the terminating NUL or a trailing separator; accept DFSPath as the prefix then
            String fromEntry = r.referrals().isEmpty() ? "" : r.referrals().get(0).dfsPath();
            if (!isPrefix(fromEntry, requested)) {
                throw new SmbProtocolException(what + ": PathConsumed " + r.pathConsumed() + " does not fit the requested path "
                        + requested);
            }
            consumed = fromEntry.length();
        }
        List<DfsTarget> targets = new ArrayList<>();
        long ttl = Long.MAX_VALUE;
        for (DfsReferralResponse.Referral e : r.referrals()) {
            if (e.version() >= 3 && (e.flags() & DfsReferralResponse.Referral.NAME_LIST_REFERRAL) != 0) {
                continue; // a domain or DC referral (MS-DFSC 2.2.5.3.2): names no file server
            }
            DfsTarget t = parseTarget(e.networkAddress());
            if (t != null) {
                targets.add(t);
                ttl = Math.min(ttl, Integer.toUnsignedLong(e.timeToLive()));
            }
        }
        if (targets.isEmpty()) {
            throw new SmbProtocolException(what + ": the referral names no \\server\\share target");
        }
        return new DfsReferral(requested.substring(0, consumed), targets, (int) Math.min(ttl, Integer.MAX_VALUE));
    }

    /** {@code \server\share[\path]} (one or two leading separators), or null when it names no server and share. */
    static DfsTarget parseTarget(String networkAddress) {
        String s = networkAddress;
        while (s.startsWith("\\")) {
            s = s.substring(1);
        }
        while (s.endsWith("\\")) {
            s = s.substring(0, s.length() - 1);
        }
        String[] parts = s.split("\\\\", 3);
        if (parts.length < 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return new DfsTarget(parts[0], parts[1], parts.length == 3 ? parts[2] : "");
    }

    /** Whether {@code prefix} is {@code path} or a whole-component prefix of it, without case. */
    static boolean isPrefix(String prefix, String path) {
        if (prefix.length() < 2 || prefix.length() > path.length()) {
            return false;
        }
        String p = prefix.toLowerCase(Locale.ROOT);
        String q = path.toLowerCase(Locale.ROOT);
        return q.startsWith(p) && (q.length() == p.length() || q.charAt(p.length()) == '\\' || p.endsWith("\\"));
    }

    /**
     * Where {@code from} (a location under {@link #prefix}) lives on {@code target}: the target's
     * share and path with the rest of the path below the prefix appended. A target on the server
     * {@code from} is on keeps its port; any other is reached on 445 (a referral carries no port).
     */
    DfsLocation rewrite(DfsLocation from, DfsTarget target) {
        String rest = from.dfsPath().substring(prefix.length());
        while (rest.startsWith("\\")) {
            rest = rest.substring(1);
        }
        String path = target.path().isEmpty() ? rest : rest.isEmpty() ? target.path() : target.path() + "\\" + rest;
        int port = target.host().equalsIgnoreCase(from.host()) ? from.port() : 445;
        return new DfsLocation(target.host(), port, target.share(), path);
    }
}
