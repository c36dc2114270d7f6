package dev.smbco.client.pool;

import dev.smbco.client.SmbTree;
import dev.smbco.coro.Request;

/**
 * An operation on a path of a tree, as {@link SmbPool#runSend} runs it where an {@code smb://}
 * URI leads (after DFS referrals): {@code (tree, path) -> tree.listSend(path)}.
 *
 * @param <T> what the operation's request completes with
 */
@FunctionalInterface
public interface PathOperation<T> {
    /**
     * Starts the operation on {@code path} ({@code \} separators, "" for the share's root) of {@code tree}.
     * May be called more than once for one {@code runSend}, once for each server the DFS
     * referrals lead to.
     *
     * @param tree the pooled tree the URI leads to; the pool owns it (do not disconnect it)
     * @param path the path below the share root, rewritten by the referrals followed (MS-DFSC)
     * @return a request for the operation's result; one that fails with STATUS_PATH_NOT_COVERED
     *     makes the pool ask for a referral and call this again on its target
     */
    Request<T> apply(SmbTree tree, String path);
}
