package dev.smbco.client.dfs;

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
 */
public record DfsPolicy(boolean enabled, int maxHops, Predicate<DfsTarget> allowTarget) {
    /** Hops followed by default. */
    public static final int DEFAULT_MAX_HOPS = 8;

    /**
     * Checks the policy.
     *
     * @throws NullPointerException when {@code allowTarget} is null
     * @throws IllegalArgumentException when {@code maxHops} is outside 1..64
     */
    public DfsPolicy {
        Objects.requireNonNull(allowTarget, "allowTarget");
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
        return new DfsPolicy(true, DEFAULT_MAX_HOPS, t -> true);
    }

    /**
     * Never ask for referrals: a DFS link's STATUS_PATH_NOT_COVERED reaches the caller.
     *
     * @return a disabled policy (its hop limit and target filter are kept for {@code allowing} and
     *     {@code withMaxHops}, and unused while it is off)
     */
    public static DfsPolicy off() {
        return new DfsPolicy(false, DEFAULT_MAX_HOPS, t -> true);
    }

    /**
     * This policy, following only the targets {@code allow} accepts.
     *
     * @param allow tested with each target of each referral, in the referral's order; replaces
     *     the current filter (it does not narrow it); not null
     * @return a new policy with the same {@code enabled} and {@code maxHops}; this one is unchanged
     * @throws NullPointerException when {@code allow} is null
     */
    public DfsPolicy allowing(Predicate<DfsTarget> allow) {
        return new DfsPolicy(enabled, maxHops, allow);
    }

    /**
     * This policy with another hop limit.
     *
     * @param hops the most referrals followed for one path, 1..64
     * @return a new policy with the same {@code enabled} and {@code allowTarget}; this one is unchanged
     * @throws IllegalArgumentException when {@code hops} is outside 1..64
     */
    public DfsPolicy withMaxHops(int hops) {
        return new DfsPolicy(enabled, hops, allowTarget);
    }
}
