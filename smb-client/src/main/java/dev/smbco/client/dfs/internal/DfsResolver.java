package dev.smbco.client.dfs.internal;

import dev.smbco.client.Credentials;
import dev.smbco.client.SmbConnectException;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbDfsException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.client.SmbTree;
import dev.smbco.client.dfs.DfsPolicy;
import dev.smbco.client.dfs.DfsTarget;
import dev.smbco.coro.Co;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.protocol.status.NtStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows DFS referrals (MS-DFSC 3.1.4, 3.1.5) for an operation on a path: runs it where the path
 * is; when the server answers STATUS_PATH_NOT_COVERED, asks that server for a referral
 * (FSCTL_DFS_GET_REFERRALS on its IPC$), rewrites the path onto the referral's targets and runs
 * the operation there, trying the targets in order while connecting to one fails. Referrals are
 * cached by the prefix they cover for their TimeToLive, so later paths under the same link go
 * straight to the target. A path visited twice (a referral loop), more than
 * {@link DfsPolicy#maxHops()} referrals, or only targets the policy refuses end in
 * {@link SmbDfsException}. Trees come from the pool, so every server is reached through the one
 * pooled connection and session for the same credentials (without a
 * {@link Credentials#withTargetName} override on any server but the one the caller named).
 *
 * <p>A path whose first component is a domain ({@code \\SMBCO.TEST\sysvol\...}; only with
 * {@link DfsPolicy#domainControllers()} configured) is resolved first through the domain's DCs
 * ({@link DomainResolver}: domain, DC and root/SYSVOL referral); the referral that gives is then
 * followed and cached like a server's.
 *
 * <p><b>One referral request for many misses.</b> Misses that come while a referral request is
 * running share it ({@link InFlight}) instead of each sending its own: one request per server and
 * share (the first miss asks for its path; a miss the answer does not cover, a path under another
 * link, looks in the cache again and else asks next), one per domain and share for a domain's
 * root referral, and in {@link DomainResolver} one domain referral and one DC referral per domain;
 * all keyed by the {@link Credentials} object too (by identity, as the pool shares sessions). Each
 * miss waits on a request of its own: one that is cancelled or times out leaves the shared request
 * running for the others, and its answer still goes into the cache once. A shared request that
 * fails fails every miss waiting for it with the same exception (the one a miss for another path
 * would not have got, a status answering the first miss's path, makes that miss ask for its own),
 * puts nothing in the cache, and is not joined again: the next miss asks anew.
 *
 * <p><b>Threads.</b> {@link #runSend} runs the resolution as a coroutine on {@code loop}, i.e. on
 * a virtual thread, not on the loop; so the caches are synchronized and the in-flight maps are
 * {@link java.util.concurrent.ConcurrentHashMap}s; the shared outcome is delivered to each waiter
 * on the loop. Nothing here holds a buffer: a referral is decoded into a record before it gets here.
 */
public final class DfsResolver {
    private static final Logger log = LoggerFactory.getLogger(DfsResolver.class);

    /** Where trees come from: the pool's {@code treeSend}. */
    @FunctionalInterface
    public interface Trees {
        Request<SmbTree> treeSend(String host, int port, String share, Credentials credentials);
    }

    private final Loop loop;
    private final DfsPolicy policy;
    private final Trees trees;
    private final ReferralCache cache;
    private final DomainResolver domains;
    /** The referral requests running now, one per {@link FlightKey}; shared by the misses that wait for them. */
    private final InFlight<FlightKey, DfsReferral> flights;

    /**
     * What one shared referral request asks of whom: a server's referral for any path under one of
     * its shares ({@code ROOT}), or a domain's root/SYSVOL referral for {@code \domain\share}
     * ({@code DOMAIN}; port 0). Host and share without case; the credentials by identity, as the pool
     * shares sessions.
     */
    private record FlightKey(Kind kind, String host, int port, String share, Credentials credentials) {
        enum Kind { ROOT, DOMAIN }

        static FlightKey of(Kind kind, String host, int port, String share, Credentials credentials) {
            return new FlightKey(kind, host.toLowerCase(Locale.ROOT), port, share.toLowerCase(Locale.ROOT), credentials);
        }
    }

    public DfsResolver(Loop loop, DfsPolicy policy, Trees trees) {
        this(loop, policy, trees, System::nanoTime);
    }

    DfsResolver(Loop loop, DfsPolicy policy, Trees trees, LongSupplier nanoTime) {
        this.loop = loop;
        this.policy = policy;
        this.trees = trees;
        this.cache = new ReferralCache(nanoTime);
        this.domains = new DomainResolver(loop, policy.domainControllers(), trees, nanoTime);
        this.flights = new InFlight<>(loop);
    }

    /**
     * Runs {@code op} on the tree and path {@code start} names, following DFS referrals. Without
     * DFS on the way, exactly {@code op} on the pooled tree.
     */
    public <T> Request<T> runSend(DfsLocation start, Credentials credentials, BiFunction<SmbTree, String, Request<T>> op) {
        return Coroutine.start(loop, co -> run(co, start, credentials, op));
    }

    private <T> T run(Co co, DfsLocation start, Credentials credentials, BiFunction<SmbTree, String, Request<T>> op) {
        List<String> chain = new ArrayList<>(List.of(start.toString()));
        Set<String> seen = new HashSet<>();
        DfsLocation at = start;
        DfsReferral referral = null;
        int hops = 0;
        while (true) {
            if (referral == null) {
                referral = cache.lookup(at.dfsPath());
            }
            if (referral == null && domains.isDomain(co, at.host(), credentials.withoutTargetName())) {
                // MS-DFSC 3.1.4.1: a domain-based name; its DCs give the referral (never the user's target name: they are other servers)
                chain.add("domain " + at.host());
                referral = domainReferral(co, at, credentials.withoutTargetName(), chain);
            }
            List<DfsLocation> candidates = new ArrayList<>();
            if (referral == null) {
                candidates.add(at);
            } else {
                if (++hops > policy.maxHops()) {
                    throw new SmbDfsException(start + ": more than " + policy.maxHops() + " DFS referrals", chain, null);
                }
                candidates.addAll(follow(referral, at, chain));
            }
            SmbException lastFailure = null;
            DfsLocation notCovered = null;
            DfsReferral next = null;
            int tried = 0;
            for (DfsLocation c : candidates) {
                if (!seen.add(c.key())) {
                    continue; // visited already: following it again would go round
                }
                tried++;
                if (referral != null) {
                    chain.add(c.toString());
                    next = cache.lookup(c.dfsPath());
                    if (next != null) {
                        notCovered = c; // a link on the target we have a referral for already
                        break;
                    }
                }
                try {
                    SmbTree tree = co.await(trees.treeSend(c.host(), c.port(), c.share(), credentialsFor(c.host(), start, credentials)));
                    T value = co.await(op.apply(tree, c.path()));
                    if (referral != null) {
                        cache.prefer(referral.prefix(), targetOf(referral, at, c));
                    }
                    return value;
                } catch (SmbStatusException e) {
                    if (e.status() != NtStatus.STATUS_PATH_NOT_COVERED) {
                        throw e;
                    }
                    notCovered = c;
                    break;
                } catch (SmbConnectException | SmbConnectionLostException e) {
                    if (referral == null) {
                        throw domains.unreachable(c, e, chain); // the server the caller named: nothing to fail over to
                    }
                    log.debug("DFS target {} unreachable, trying the next: {}", c, e.getMessage());
                    lastFailure = e;
                }
            }
            if (notCovered == null) {
                if (tried == 0) {
                    throw new SmbDfsException(start + ": DFS referral loop", chain, null);
                }
                throw new SmbDfsException(start + ": no target of the DFS referral for " + referral.prefix() + " could be reached",
                        chain, lastFailure);
            }
            at = notCovered;
            referral = next != null ? next : fetch(co, at, credentialsFor(at.host(), start, credentials));
        }
    }

    /**
     * The credentials for {@code host}: the caller's for the server the caller named; for any
     * other server a referral leads to, the same without a {@link Credentials#withTargetName}
     * override, which names the principal of the caller's server only (each other server is
     * {@code cifs/<its host>}).
     */
    static Credentials credentialsFor(String host, DfsLocation start, Credentials credentials) {
        return host.equalsIgnoreCase(start.host()) ? credentials : credentials.withoutTargetName();
    }

    /** The locations {@code at} has on the referral's targets the policy allows, in the referral's order. */
    private List<DfsLocation> follow(DfsReferral referral, DfsLocation at, List<String> chain) {
        List<DfsLocation> out = new ArrayList<>();
        for (DfsTarget t : referral.targets()) {
            if (policy.allowTarget().test(t)) {
                out.add(referral.rewrite(at, t));
            } else {
                log.debug("DFS target {} of {} refused by the policy", t, referral.prefix());
            }
        }
        if (out.isEmpty()) {
            throw new SmbDfsException(at + ": the DFS referral for " + referral.prefix() + " names only targets the DfsPolicy refuses: "
                    + referral.targets(), chain, null);
        }
        return out;
    }

    private static DfsTarget targetOf(DfsReferral referral, DfsLocation at, DfsLocation reached) {
        for (DfsTarget t : referral.targets()) {
            if (referral.rewrite(at, t).equals(reached)) {
                return t;
            }
        }
        return referral.targets().get(0);
    }

    /**
     * MS-DFSC 3.1.4.1: a referral for {@code at} from the server {@code at} is on, cached for its
     * TimeToLive; one request at a time per server and share, shared by every miss under that share
     * that comes while it runs. The cache is looked at first: a miss whose STATUS_PATH_NOT_COVERED
     * came after a shared referral for its link ended takes that. A miss the shared answer does not
     * cover (a path under another link) looks in the cache again and else asks, joining the request
     * then running; so does a miss the shared request failed for with a status that answered
     * another path.
     */
    private DfsReferral fetch(Co co, DfsLocation at, Credentials credentials) {
        String path = at.dfsPath();
        FlightKey key = FlightKey.of(FlightKey.Kind.ROOT, at.host(), at.port(), at.share(), credentials);
        while (true) {
            // a miss answered STATUS_PATH_NOT_COVERED after a shared referral for its link ended
            // (it was sent before the answer came) finds that referral here, not by asking again
            DfsReferral cached = cache.lookup(path);
            if (cached != null) {
                return cached;
            }
            InFlight.Joined<DfsReferral> j = flights.join(key, path, () -> Coroutine.start(loop, c -> ask(c, at, credentials)));
            try {
                DfsReferral r = co.await(j.request());
                if (j.started() || DfsReferral.isPrefix(r.prefix(), path)) {
                    return r;
                }
            } catch (SmbStatusException e) {
                if (j.started() || j.asked().equalsIgnoreCase(path)) {
                    throw e;
                }
                // the status answered another link's path, not ours: ask for ours
            }
        }
    }

    /** The body of one shared referral request: FSCTL_DFS_GET_REFERRALS on the server's IPC$, cached once. */
    private DfsReferral ask(Co co, DfsLocation at, Credentials credentials) {
        String path = at.dfsPath();
        DfsReferral cached = cache.lookup(path);
        if (cached != null) {
            return cached; // the request this one follows put it there after the caller looked
        }
        SmbTree ipc = co.await(trees.treeSend(at.host(), at.port(), "IPC$", credentials));
        DfsReferral r = DfsReferral.of(path, co.await(ipc.dfsReferralSend(path)), "FSCTL_DFS_GET_REFERRALS " + path);
        log.debug("DFS referral for {}: {} -> {} (ttl {} s)", path, r.prefix(), r.targets(), r.ttlSeconds());
        cache.put(r);
        return r;
    }

    /**
     * The root (or SYSVOL/NETLOGON) referral for {@code at}, whose host is a domain, through its DCs
     * ({@link DomainResolver#referral}), cached once; one request per domain and share, shared by
     * the misses that come while it runs (a failure fails them all with the first caller's chain).
     */
    private DfsReferral domainReferral(Co co, DfsLocation at, Credentials credentials, List<String> chain) {
        FlightKey key = FlightKey.of(FlightKey.Kind.DOMAIN, at.host(), 0, at.share(), credentials);
        List<String> leaderChain = List.copyOf(chain);
        InFlight.Joined<DfsReferral> j = flights.join(key, "\\" + at.host() + "\\" + at.share(), () -> Coroutine.start(loop, c -> {
            DfsReferral cached = cache.lookup(at.dfsPath());
            if (cached != null) {
                return cached; // the request this one follows put it there after the caller looked
            }
            DfsReferral r = domains.referral(c, at, credentials, new ArrayList<>(leaderChain));
            cache.put(r);
            return r;
        }));
        return co.await(j.request());
    }

    /** Referral requests running now (for tests and diagnostics). */
    int referralsInFlight() {
        return flights.running() + domains.requestsInFlight();
    }

    /** Referrals cached now (for tests and diagnostics). */
    public int cachedReferrals() {
        return cache.size();
    }
}
