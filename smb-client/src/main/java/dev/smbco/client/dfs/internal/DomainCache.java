package dev.smbco.client.dfs.internal;

import dev.smbco.client.dfs.internal.DomainReferrals.NameList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * MS-DFSC 3.1.1 DomainCache: the domain names a domain referral gave (NetBIOS and DNS, compared
 * without case), each for its TimeToLive, and per domain the DC list a DC referral gave, for its
 * TimeToLive. An entry whose TTL is 0 is not kept. Thread-safe.
 */
final class DomainCache {
    private record Dcs(List<String> names, long expiresAt) {
    }

    private final LongSupplier nanoTime;
    private final Map<String, Long> domains = new HashMap<>();
    private final Map<String, Dcs> dcs = new HashMap<>();
    /** When the domain list must be asked for again; valid once {@link #loaded}. */
    private long domainsExpireAt;
    private boolean loaded;

    DomainCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether the domain list is known and unexpired. */
    synchronized boolean domainsFresh() {
        return loaded && nanoTime.getAsLong() - domainsExpireAt < 0;
    }

    /** Replaces the domain list with a domain referral's; it expires with its shortest-lived entry. */
    synchronized void putDomains(List<NameList> list) {
        long now = nanoTime.getAsLong();
        domains.clear();
        long ttl = Long.MAX_VALUE;
        for (NameList n : list) {
            domains.put(DomainReferrals.key(n.name()), now + n.ttlSeconds() * 1_000_000_000L);
            ttl = Math.min(ttl, n.ttlSeconds());
        }
        loaded = true;
        domainsExpireAt = now + (list.isEmpty() ? 0 : ttl) * 1_000_000_000L;
    }

    /**
     * No configured DC answered the domain referral: nothing is a domain, and the DCs are not
     * asked again for {@code seconds} (every new path would otherwise wait for them again).
     */
    synchronized void domainsUnknown(int seconds) {
        domains.clear();
        loaded = true;
        domainsExpireAt = nanoTime.getAsLong() + seconds * 1_000_000_000L;
    }

    /** Whether {@code name} is a domain of the (unexpired) domain list. */
    synchronized boolean isDomain(String name) {
        Long until = domains.get(DomainReferrals.key(name));
        return until != null && nanoTime.getAsLong() - until < 0;
    }

    /** The domain names known now, for messages. */
    synchronized List<String> domainNames() {
        return List.copyOf(domains.keySet());
    }

    /** The cached DCs of {@code domain}, preferred first, or null. */
    synchronized List<String> dcs(String domain) {
        String key = DomainReferrals.key(domain);
        Dcs d = dcs.get(key);
        if (d == null) {
            return null;
        }
        if (nanoTime.getAsLong() - d.expiresAt() >= 0) {
            dcs.remove(key);
            return null;
        }
        return d.names();
    }

    /** Keeps a DC referral's list for its TimeToLive. */
    synchronized void putDcs(String domain, NameList list) {
        if (list.ttlSeconds() > 0) {
            dcs.put(DomainReferrals.key(domain), new Dcs(list.expanded(), nanoTime.getAsLong() + list.ttlSeconds() * 1_000_000_000L));
        }
    }
}
