package dev.smbco.client.dfs.internal;

import dev.smbco.client.Credentials;
import dev.smbco.client.SmbConnectException;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbDfsException;
import dev.smbco.client.SmbDfsException.Step;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Co;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Loop;
import dev.smbco.protocol.smb2.DfsReferralResponse;
import dev.smbco.protocol.status.NtStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Domain-based DFS names (MS-DFSC 3.1.4.1): decides whether the first component of a path is a
 * domain, and gives the referral that resolves such a path to real servers.
 * <ol>
 *   <li>Domain referral (RequestFileName empty), asked of the configured domain controllers in
 *       order until one answers: the names of the domains (NetBIOS and DNS), kept for their TTL.</li>
 *   <li>DC referral ({@code \domain}), asked of the configured DCs: the domain's DCs, kept for their TTL.</li>
 *   <li>Root referral ({@code \domain\share}; for {@code SYSVOL} and {@code NETLOGON} the special
 *       referral of 3.1.4.1 step 10, which a DC answers with its own share), asked of the domain's
 *       DCs in order: an ordinary referral, which the caller follows and caches like any other.</li>
 * </ol>
 * With no configured DCs nothing is a domain: the name is connected to as a host (DNS), which for
 * an Active Directory domain's name reaches one of its DCs. When no configured DC answers the
 * domain referral, nothing is taken for a domain and the DCs are not asked again for
 * {@value #RETRY_DOMAIN_REFERRAL_SECONDS} s. The DCs the referrals name are reached
 * on port 445 (a referral carries no port) unless they are configured DCs with a port. A domain or
 * DC referral that is running is shared by the misses that need it meanwhile ({@link InFlight}, as
 * in {@link DfsResolver}): asked once, whatever the number of callers.
 */
final class DomainResolver {
    private static final Logger log = LoggerFactory.getLogger(DomainResolver.class);

    /** How long a domain referral that no configured DC answered is not asked again. */
    static final int RETRY_DOMAIN_REFERRAL_SECONDS = 30;

    private final Loop loop;
    private final List<DcAddress> configured;
    private final DfsResolver.Trees trees;
    private final DomainCache cache;
    /** The domain referral running now, per credentials (identity): asked once however many misses wait. */
    private final InFlight<Credentials, Boolean> domainLists;
    /** The DC referrals running now, per domain and credentials. */
    private final InFlight<DcsKey, List<String>> dcLists;

    private record DcsKey(String domain, Credentials credentials) {
    }
    /** Why the last domain referral failed at every configured DC, or null. */
    private volatile SmbException domainReferralFailure;

    DomainResolver(Loop loop, List<String> domainControllers, DfsResolver.Trees trees, LongSupplier nanoTime) {
        this.loop = loop;
        this.domainLists = new InFlight<>(loop);
        this.dcLists = new InFlight<>(loop);
        this.configured = domainControllers.stream().map(DcAddress::parse).toList();
        this.trees = trees;
        this.cache = new DomainCache(nanoTime);
    }

    /**
     * Whether {@code name} is a domain the configured DCs know, asking them for the domain
     * referral when the list is not known or expired. False without configured DCs, and when no
     * configured DC answered (then {@link #unreachable} says so if the name fails as a server too).
     */
    boolean isDomain(Co co, String name, Credentials credentials) {
        if (configured.isEmpty()) {
            return false;
        }
        if (!cache.domainsFresh()) {
            co.await(domainLists.join(credentials, "", () -> Coroutine.start(loop, c -> {
                if (!cache.domainsFresh()) { // else the request this one follows loaded them after the caller looked
                    loadDomains(c, credentials);
                }
                return Boolean.TRUE;
            })).request());
        }
        return cache.isDomain(name);
    }

    private void loadDomains(Co co, Credentials credentials) {
        List<String> failures = new ArrayList<>();
        SmbException last = null;
        for (DcAddress dc : configured) {
            try {
                DfsReferralResponse r = ask(co, dc.host(), dc.port(), "", Step.DOMAIN_REFERRAL, null, credentials);
                List<DomainReferrals.NameList> domains = DomainReferrals.domains(r, dc.toString());
                log.debug("DFS domain referral from {}: {}", dc, domains);
                cache.putDomains(domains);
                domainReferralFailure = null;
                return;
            } catch (SmbConnectException | SmbConnectionLostException | SmbStatusException e) {
                failures.add(dc + ": " + e.getMessage());
                last = e;
            }
        }
        cache.domainsUnknown(RETRY_DOMAIN_REFERRAL_SECONDS);
        domainReferralFailure = new SmbDfsException("no domain controller answered the domain referral: " + String.join("; ", failures),
                List.of(), Step.DOMAIN_REFERRAL, null, last);
        log.debug("{}", domainReferralFailure.getMessage());
    }

    /**
     * The failure to report when {@code at}'s host, not a domain by the DCs' word, cannot be
     * reached as a server either: with configured DCs an {@link SmbDfsException} naming the
     * domain step (no DC answered, or the DCs do not know the name), else {@code e} itself.
     */
    SmbException unreachable(DfsLocation at, SmbException e, List<String> chain) {
        if (configured.isEmpty()) {
            return e;
        }
        SmbException dcFailure = domainReferralFailure;
        if (dcFailure != null) {
            return new SmbDfsException(at + ": " + at.host() + " cannot be reached as a server (" + e.getMessage() + "), and "
                    + dcFailure.getMessage(), chain, Step.DOMAIN_REFERRAL, at.host(), dcFailure);
        }
        return new SmbDfsException(at + ": " + at.host() + " is no domain the domain controllers " + configured + " know (they name "
                + cache.domainNames() + ") and cannot be reached as a server: " + e.getMessage(), chain, Step.DOMAIN_REFERRAL,
                at.host(), e);
    }

    /**
     * The referral for {@code at}, whose host is a domain: its DCs (DC referral), then the root (or
     * SYSVOL/NETLOGON) referral for {@code \domain\share} from the first DC that answers.
     */
    DfsReferral referral(Co co, DfsLocation at, Credentials credentials, List<String> chain) {
        String domain = at.host();
        List<String> dcs = dcsOf(co, domain, credentials, chain);
        String request = "\\" + domain + "\\" + at.share();
        List<String> failures = new ArrayList<>();
        SmbException last = null;
        for (String dc : dcs) {
            int port = portOf(dc);
            try {
                DfsReferralResponse r = ask(co, dc, port, request, Step.ROOT_REFERRAL, domain, credentials);
                DfsReferral referral;
                try {
                    referral = DfsReferral.of(request, r, DomainReferrals.what(Step.ROOT_REFERRAL, domain, dc) + " " + request);
                } catch (SmbProtocolException e) {
                    throw new SmbDfsException(e.getMessage(), chain, Step.ROOT_REFERRAL, domain, e);
                }
                log.debug("DFS root referral for {} from {}: {}", request, dc, referral.targets());
                return referral;
            } catch (SmbConnectException | SmbConnectionLostException e) {
                failures.add(dc + ": " + e.getMessage());
                last = e;
            } catch (SmbStatusException e) {
                if (e.status() == NtStatus.STATUS_NOT_FOUND || e.status() == NtStatus.STATUS_PATH_NOT_COVERED) {
                    throw new SmbDfsException(at + ": the domain controller " + dc + " of " + domain + " knows no share or namespace "
                            + at.share() + " (root referral: " + e.getMessage() + ")", chain, Step.ROOT_REFERRAL, domain, e);
                }
                failures.add(dc + ": " + e.getMessage());
                last = e;
            }
        }
        throw new SmbDfsException(at + ": no domain controller of " + domain + " answered the root referral for " + request + ": "
                + String.join("; ", failures), chain, Step.ROOT_REFERRAL, domain, last);
    }

    /**
     * MS-DFSC 3.1.4.1 step 5: the domain's DCs, from the cache or a DC referral asked of the
     * configured DCs; one at a time per domain, shared by the callers that come while it runs.
     */
    private List<String> dcsOf(Co co, String domain, Credentials credentials, List<String> chain) {
        List<String> known = cache.dcs(domain);
        if (known != null) {
            return known;
        }
        List<String> leaderChain = List.copyOf(chain);
        return co.await(dcLists.join(new DcsKey(DomainReferrals.key(domain), credentials), domain,
                () -> Coroutine.start(loop, c -> askDcs(c, domain, credentials, leaderChain))).request());
    }

    private List<String> askDcs(Co co, String domain, Credentials credentials, List<String> chain) {
        List<String> known = cache.dcs(domain);
        if (known != null) {
            return known; // the request this one follows put them there after the caller looked
        }
        List<String> failures = new ArrayList<>();
        SmbException last = null;
        for (DcAddress dc : configured) {
            try {
                DfsReferralResponse r = ask(co, dc.host(), dc.port(), "\\" + domain, Step.DC_REFERRAL, domain, credentials);
                DomainReferrals.NameList list = DomainReferrals.dcs(r, domain, dc.toString());
                log.debug("DFS DC referral for {} from {}: {} (ttl {} s)", domain, dc, list.expanded(), list.ttlSeconds());
                cache.putDcs(domain, list);
                return list.expanded();
            } catch (SmbConnectException | SmbConnectionLostException e) {
                failures.add(dc + ": " + e.getMessage());
                last = e;
            } catch (SmbStatusException e) {
                throw new SmbDfsException("\\\\" + domain + ": the domain controller " + dc + " does not know domain " + domain
                        + " (DC referral: " + e.getMessage() + ")", chain, Step.DC_REFERRAL, domain, e);
            }
        }
        throw new SmbDfsException("\\\\" + domain + ": no domain controller answered the DC referral for " + domain + ": "
                + String.join("; ", failures), chain, Step.DC_REFERRAL, domain, last);
    }

    /** Domain and DC referral requests running now (for tests and diagnostics). */
    int requestsInFlight() {
        return domainLists.running() + dcLists.running();
    }

    /** A DC the referrals name is reached on 445, or on the port it is configured with. */
    private int portOf(String host) {
        for (DcAddress dc : configured) {
            if (dc.host().equalsIgnoreCase(host)) {
                return dc.port();
            }
        }
        return 445;
    }

    /** One FSCTL_DFS_GET_REFERRALS on {@code host}'s IPC$; a response that does not parse is a typed error of {@code step}. */
    private DfsReferralResponse ask(Co co, String host, int port, String path, Step step, String domain, Credentials credentials) {
        SmbTree ipc = co.await(trees.treeSend(host, port, "IPC$", credentials));
        try {
            return co.await(ipc.dfsReferralSend(path));
        } catch (SmbProtocolException e) {
            throw new SmbDfsException(DomainReferrals.what(step, domain, new DcAddress(host, port).toString()) + ": " + e.getMessage(), List.of(),
                    step, domain, e);
        }
    }
}
