package dev.smbco.client.dfs.internal;

import dev.smbco.client.dfs.DfsTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The referral cache (MS-DFSC 3.1.1: ReferralCache): referrals keyed by the DFS path prefix they
 * cover, each kept for the TimeToLive the server gave; a lookup takes the longest unexpired
 * prefix of the path, compared without case, at a component boundary. The target that last
 * worked moves to the front (MS-DFSC 3.1.5.1: the target hint), so later opens go there first.
 * Thread-safe; bounded (the oldest entries go first).
 */
final class ReferralCache {
    static final int MAX_ENTRIES = 1024;

    private record Entry(DfsReferral referral, long expiresAt) {
    }

    private final Map<String, Entry> entries = new HashMap<>();
    private final LongSupplier nanoTime;

    ReferralCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** The cached referral covering {@code dfsPath}, or null. */
    synchronized DfsReferral lookup(String dfsPath) {
        long now = nanoTime.getAsLong();
        String key = dfsPath.toLowerCase(Locale.ROOT);
        while (key.length() > 1) {
            Entry e = entries.get(key);
            if (e != null) {
                if (now - e.expiresAt < 0) {
                    return e.referral();
                }
                entries.remove(key);
            }
            int cut = key.lastIndexOf('\\');
            if (cut <= 0) {
                break;
            }
            key = key.substring(0, cut);
        }
        return null;
    }

    /** Keeps {@code r} for its TimeToLive (a referral with none is not kept). */
    synchronized void put(DfsReferral r) {
        if (r.ttlSeconds() <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            evictOldest();
        }
        entries.put(r.prefix().toLowerCase(Locale.ROOT), new Entry(r, nanoTime.getAsLong() + r.ttlSeconds() * 1_000_000_000L));
    }

    /** Moves {@code target} to the front of the cached referral for {@code prefix}, if it is still there. */
    synchronized void prefer(String prefix, DfsTarget target) {
        String key = prefix.toLowerCase(Locale.ROOT);
        Entry e = entries.get(key);
        if (e == null || e.referral().targets().get(0).equals(target) || !e.referral().targets().contains(target)) {
            return;
        }
        List<DfsTarget> order = new ArrayList<>(e.referral().targets());
        order.remove(target);
        order.add(0, target);
        entries.put(key, new Entry(new DfsReferral(e.referral().prefix(), order, e.referral().ttlSeconds()), e.expiresAt()));
    }

    synchronized int size() {
        return entries.size();
    }

    private void evictOldest() {
        String oldest = null;
        long at = 0;
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            if (oldest == null || e.getValue().expiresAt() - at < 0) {
                oldest = e.getKey();
                at = e.getValue().expiresAt();
            }
        }
        entries.remove(oldest);
    }
}
