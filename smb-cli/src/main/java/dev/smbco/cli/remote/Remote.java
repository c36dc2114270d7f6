package dev.smbco.cli.remote;

import dev.smbco.cli.SmbUrl;
import dev.smbco.coro.Loop;

/**
 * The connections of one command run: one per server (and user), one tree per share, made on first
 * use. {@link #close()} logs off and disconnects politely.
 */
public interface Remote extends AutoCloseable {

    /** The share a URL names, connecting and logging on first if needed. */
    RemoteShare share(SmbUrl url);

    /** Whether two URLs can use the same connection (server-side copy between them is possible). */
    boolean sameConnection(SmbUrl a, SmbUrl b);

    /** The event loop that coroutines of this run (parallel copies) are started on. */
    Loop loop();

    /** Tree disconnect, logoff, close: waits at most a few seconds, never throws. */
    @Override
    void close();
}
