package dev.smbco.cli.remote;

import dev.smbco.cli.CliException;
import dev.smbco.cli.SmbUrl;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.coro.Loop;
import java.util.List;

/**
 * The connections of one command run: one per server (and user), one tree per share, made on first
 * use. {@link #close()} logs off and disconnects politely.
 */
public interface Remote extends AutoCloseable {

    /** The share a URL names, connecting and logging on first if needed. */
    RemoteShare share(SmbUrl url);

    /**
     * The shares of the server a URL names ({@code smb://HOST/}), as the server lists them,
     * connecting and logging on first if needed.
     */
    default List<ShareInfo> shares(SmbUrl server) {
        throw CliException.failed(server.toString(), "listing shares is not supported here");
    }

    /** Whether two URLs can use the same connection (server-side copy between them is possible). */
    boolean sameConnection(SmbUrl a, SmbUrl b);

    /** The event loop that coroutines of this run (parallel copies) are started on. */
    Loop loop();

    /** Tree disconnect, logoff, close: waits at most a few seconds, never throws. */
    @Override
    void close();
}
