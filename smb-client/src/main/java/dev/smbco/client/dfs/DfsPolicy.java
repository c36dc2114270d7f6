package dev.smbco.client.dfs;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Whether and how far the pool follows DFS referrals (MS-DFSC). Part of {@code SmbConfig}
 * ({@code SmbConfig.builder().dfs(...)}); the default follows them.
 *
 * <pre>{@code
 * SmbConfig config = SmbConfig.builder()
 *         .dfs(DfsPolicy.on().allowing(t -> t.host().endsWith(".corp.example")))
 *         .build();
 * }</pre>
 *
 * @param enabled     whether an {@code smb://} open that meets STATUS_PATH_NOT_COVERED asks for a
 *                    referral and follows it (off: the status error reaches the caller)
 * @param maxHops     referrals followed at most for one path before giving up with
 *                    {@link dev.smbco.client.SmbDfsException} (default 8)
 * @param allowTarget which referral targets may be followed; a referral whose every target it
 *                    refuses fails with {@link dev.smbco.client.SmbDfsException} (default: all)
 * @param domainControllers the domain controllers asked for the domain referral (which names are
 *                    domains) and the DC referrals of domain-based namespaces (MS-DFSC 3.1.4.1),
 *                    {@code host} or {@code host:port}, tried in order; empty (the default): no
 *                    domain referral is asked, and an {@code smb://DOMAIN/share/...} name is
 *                    connected to as a host, which by DNS reaches one of the domain's DCs (in
 *                    Active Directory the domain's name resolves to its DCs). Name them to reach
 *                    a domain by its NetBIOS name, or when the domain's name does not resolve
 */
public record DfsPolicy(boolean enabled, int maxHops, Predicate<DfsTarget> allowTarget, List<String> domainControllers) {
    /** Hops followed by default. */
    public static final int DEFAULT_MAX_HOPS = 8;

    /**
     * Checks the policy.
     *
     * @throws NullPointerException when {@code allowTarget} or {@code domainControllers} (or one of them) is null
     * @throws IllegalArgumentException when {@code maxHops} is outside 1..64, or a domain controller
     *     is blank or not a host name or address
     */
    public DfsPolicy {
        Objects.requireNonNull(allowTarget, "allowTarget");
        domainControllers = List.copyOf(domainControllers);
        for (String dc : domainControllers) {
            if (dc.isBlank() || dc.contains("\\") || dc.contains("/")) {
                throw new IllegalArgumentException("a domain controller is host or host:port, not '" + dc + "'");
            }
            dev.smbco.client.dfs.internal.DcAddress.parse(dc); // a bad port or bracket fails here, not at the first open
        }
        if (maxHops < 1 || maxHops > 64) {
            throw new IllegalArgumentException("maxHops " + maxHops + " outside 1..64");
        }
    }

    /**
     * Follow referrals, at most {@value #DEFAULT_MAX_HOPS} hops, to any target.
     *
     * @return the default policy: enabled, {@value #DEFAULT_MAX_HOPS} hops, every target allowed
     */
    public static DfsPolicy on() {
        return new DfsPolicy(true, DEFAULT_MAX_HOPS, t -> true, List.of());
    }

    /**
     * Never ask for referrals: a DFS link's STATUS_PATH_NOT_COVERED reaches the caller.
     *
     * @return a disabled policy (its hop limit and target filter are kept for {@code allowing} and
     *     {@code withMaxHops}, and unused while it is off)
     */
    public static DfsPolicy off() {
        return new DfsPolicy(false, DEFAULT_MAX_HOPS, t -> true, List.of());
    }

    /**
     * This policy, following only the targets {@code allow} accepts.
     *
     * @param allow tested with each target of each referral, in the referral's order; replaces
     *     the current filter (it does not narrow it); not null
     * @return a new policy with the same {@code enabled}, {@code maxHops} and domain controllers; this one is unchanged
     * @throws NullPointerException when {@code allow} is null
     */
    public DfsPolicy allowing(Predicate<DfsTarget> allow) {
        return new DfsPolicy(enabled, maxHops, allow, domainControllers);
    }

    /**
     * This policy with another hop limit.
     *
     * @param hops the most referrals followed for one path, 1..64
     * @return a new policy with the same {@code enabled}, {@code allowTarget} and domain controllers; this one is unchanged
     * @throws IllegalArgumentException when {@code hops} is outside 1..64
     */
    public DfsPolicy withMaxHops(int hops) {
        return new DfsPolicy(enabled, hops, allowTarget, domainControllers);
    }

    /**
     * This policy, asking {@code hosts} for domain and DC referrals (MS-DFSC 3.1.4.1): which names
     * are domains (their DNS and NetBIOS names), and which DCs serve a domain. A path whose first
     * component is such a domain, {@code \\SMBCO.TEST\sysvol\...} or {@code \\SMBCO\netlogon},
     * is then resolved through a DC of that domain to a real server; any other path is connected
     * to as before.
     *
     * @param hosts the domain controllers, {@code host} or {@code host:port} (an IPv6 address in
     *     brackets), in the order they are tried; none restores the default (the domain's name
     *     connected to as a host)
     * @return a new policy with the other settings of this one; this one is unchanged
     * @throws IllegalArgumentException when a host is blank or not a host name or address
     */
    public DfsPolicy withDomainControllers(String... hosts) {
        return new DfsPolicy(enabled, maxHops, allowTarget, List.of(hosts));
    }
}
