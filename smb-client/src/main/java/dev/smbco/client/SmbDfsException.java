package dev.smbco.client;

import java.util.List;

/**
 * A DFS path (MS-DFSC) could not be followed to a file server: the referrals loop back to a path
 * already visited, take more hops than {@link dev.smbco.client.dfs.DfsPolicy#maxHops()} allows,
 * name only targets the policy forbids, or name no usable target. The message names the chain of
 * paths visited; {@link #chain()} has them one by one. A root or link referral response that does
 * not parse is an {@link SmbProtocolException} instead.
 *
 * <p>For a domain-based namespace ({@code \\DOMAIN\share\...}, MS-DFSC 3.1.4.1) it also names the
 * domain and the {@link Step} that failed: no domain controller answered, a DC does not know the
 * domain, or a domain or DC referral did not parse (then the cause is the decode error).
 */
public class SmbDfsException extends SmbException {
    /** Which referral step of MS-DFSC 3.1.4.1 failed. */
    public enum Step {
        /** Following root and link referrals from server to server (a loop, too many hops, no usable target). */
        PATH,
        /** The domain referral: which names are domains (asked of the configured domain controllers). */
        DOMAIN_REFERRAL,
        /** The DC referral: which domain controllers serve the domain. */
        DC_REFERRAL,
        /** The root, SYSVOL or NETLOGON referral for a domain-based path, asked of one of the domain's DCs. */
        ROOT_REFERRAL
    }

    /** The UNC paths visited, in order: the one asked for first; unmodifiable. */
    private final List<String> chain;
    /** The step that failed. */
    private final Step step;
    /** The domain the path names, or null. */
    private final String domain;

    /**
     * With the chain of paths visited, which the message is followed by.
     *
     * @param message what went wrong, e.g. {@code \\dom\dfs\a: DFS referral loop}
     * @param chain the UNC paths visited, the one asked for first; not null, copied
     * @param cause the failure of the last target tried (e.g. an {@link SmbConnectException}), or null
     */
    public SmbDfsException(String message, List<String> chain, Throwable cause) {
        this(message, chain, Step.PATH, null, cause);
    }

    /**
     * A failed step of a domain-based referral.
     *
     * @param message what went wrong; should name the domain and the domain controller asked
     * @param chain the UNC paths visited, the one asked for first; not null, copied
     * @param step the step that failed; not null
     * @param domain the domain the path names, or null when the failure is not about one
     * @param cause the failure of the last domain controller asked, or the decode error, or null
     */
    public SmbDfsException(String message, List<String> chain, Step step, String domain, Throwable cause) {
        super(message + (chain.isEmpty() ? "" : " (path chain: " + String.join(" -> ", chain) + ")"), cause);
        this.chain = List.copyOf(chain);
        this.step = java.util.Objects.requireNonNull(step, "step");
        this.domain = domain;
    }

    /**
     * The step that failed.
     *
     * @return {@link Step#PATH} for root and link referrals between servers, else the domain step
     */
    public Step step() {
        return step;
    }

    /**
     * The domain the failed path names.
     *
     * @return the domain name as the path gave it ({@code SMBCO.TEST}, {@code SMBCO}), or null
     */
    public String domain() {
        return domain;
    }

    /**
     * The UNC paths visited, the one asked for first.
     *
     * @return the paths in the order they were visited, each target of a referral after the path
     *     that referred to it; unmodifiable, never empty for an exception the client throws
     */
    public List<String> chain() {
        return chain;
    }
}
