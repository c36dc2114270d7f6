package dev.smbco.client.pool;

import dev.smbco.client.SmbTree;
import dev.smbco.coro.Request;

/**
 * An operation on a path of a tree, as {@link SmbPool#runSend} runs it where an {@code smb://}
 * URI leads (after DFS referrals): {@code (tree, path) -> tree.listSend(path)}.
 */
@FunctionalInterface
public interface PathOperation<T> {
    /** Starts the operation on {@code path} ({@code \} separators, "" for the share's root) of {@code tree}. */
    Request<T> apply(SmbTree tree, String path);
}
