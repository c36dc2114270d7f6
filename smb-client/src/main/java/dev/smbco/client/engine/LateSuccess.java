package dev.smbco.client.engine;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * Undoes what a request created on the server when its success arrives after its caller stopped
 * waiting (the request timed out or was cancelled, or the value was refused): CREATE → CLOSE,
 * TREE_CONNECT → TREE_DISCONNECT, SESSION_SETUP → LOGOFF, LOCK → UNLOCK. Set by the request that
 * creates the state ({@link Exchange#onLateSuccess}); the engine is the one place that calls it.
 *
 * <p>Runs on the event loop, at most once per exchange. An undo is fire-and-forget: it sends its
 * request with a deadline of its own and reports a failure at debug, never to a caller.
 */
@FunctionalInterface
public interface LateSuccess {
    /**
     * @param header the late response's header (a success status)
     * @param body   the response body, reader index just past the 64-byte header; borrowed: read it
     *               here, do not keep or release it
     */
    void undo(Smb2Header header, ByteBuf body);
}
