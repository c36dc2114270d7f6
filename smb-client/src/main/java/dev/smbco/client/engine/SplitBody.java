package dev.smbco.client.engine;

import dev.smbco.protocol.crypto.TailDigest;
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

    /**
     * The payload's signature share computed ahead of time by the session's
     * {@link MessageSecurity#digestTail}, or null (then the whole message is signed on the loop).
     */
    default TailDigest payloadDigest() {
        return null;
    }
}
