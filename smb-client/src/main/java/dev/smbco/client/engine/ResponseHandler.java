package dev.smbco.client.engine;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * Where the engine delivers the outcome of one {@link Exchange}. Called on the event loop, exactly
 * one of {@link #onResponse} or {@link #onFailure}, once; {@link #onInterim} at most once before.
 */
public interface ResponseHandler {
    /**
     * The final response arrived. {@code message} is a retained slice of the received frame holding
     * this one message: reader index at the SMB2 header, writer index at its end (a compound is
     * already split). <b>The handler owns it and must release it.</b>
     */
    void onResponse(Smb2Header header, ByteBuf message);

    /** The exchange failed without a response (connection lost, protocol error, encode error). */
    void onFailure(RuntimeException error);

    /** MS-SMB2 3.2.5.1.5: the server answered STATUS_PENDING and went async under {@code asyncId}. */
    default void onInterim(long asyncId) {
    }
}
