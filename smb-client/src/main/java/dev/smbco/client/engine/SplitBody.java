package dev.smbco.client.engine;

import io.netty.buffer.ByteBuf;

/**
 * A request body that can go out without copying its payload: the engine writes the header and
 * {@link #encodeHead} into a small buffer and sends {@link #payload()} (retained) after it in one
 * composite frame, which is signed or encrypted as it is (the signers and the encryptor take
 * the components one by one). Used for WRITEs.
 */
public interface SplitBody {
    /** Writes the body up to (not including) the payload; the payload must follow immediately. */
    void encodeHead(ByteBuf out);

    /** The payload bytes (readable bytes); not released by the engine, which takes its own slice. */
    ByteBuf payload();
}
