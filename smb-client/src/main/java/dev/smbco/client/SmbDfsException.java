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
    private final List<String> chain;

    public SmbDfsException(String message, List<String> chain, Throwable cause) {
        super(message + (chain.isEmpty() ? "" : " (path chain: " + String.join(" -> ", chain) + ")"), cause);
        this.chain = List.copyOf(chain);
    }

    /** The UNC paths visited, the one asked for first. */
    public List<String> chain() {
        return chain;
    }
}
