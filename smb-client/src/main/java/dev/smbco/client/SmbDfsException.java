package dev.smbco.client;

import java.util.List;

/**
 * A DFS path (MS-DFSC) could not be followed to a file server: the referrals loop back to a path
 * already visited, take more hops than {@link dev.smbco.client.dfs.DfsPolicy#maxHops()} allows,
 * name only targets the policy forbids, or name no usable target. The message names the chain of
 * paths visited; {@link #chain()} has them one by one. A referral response that does not parse is
 * an {@link SmbProtocolException} instead.
 */
public class SmbDfsException extends SmbException {
    /** The UNC paths visited, in order: the one asked for first; unmodifiable. */
    private final List<String> chain;

    /**
     * With the chain of paths visited, which the message is followed by.
     *
     * @param message what went wrong, e.g. {@code \\dom\dfs\a: DFS referral loop}
     * @param chain the UNC paths visited, the one asked for first; not null, copied
     * @param cause the failure of the last target tried (e.g. an {@link SmbConnectException}), or null
     */
    public SmbDfsException(String message, List<String> chain, Throwable cause) {
        super(message + (chain.isEmpty() ? "" : " (path chain: " + String.join(" -> ", chain) + ")"), cause);
        this.chain = List.copyOf(chain);
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
