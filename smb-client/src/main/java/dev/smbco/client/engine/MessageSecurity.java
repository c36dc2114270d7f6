package dev.smbco.client.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * The per-session signing and encryption state the engine applies on the event loop (MS-SMB2
 * 3.2.4.1.1 signing, 3.2.4.1.8 encryption, 3.2.5.1.1 decryption, 3.2.5.1.3 verification).
 * Implemented by the session layer over the protocol module's signer and ciphers.
 */
public interface MessageSecurity {
    /** Signs one whole SMB2 message in place (sets SMB2_FLAGS_SIGNED and the Signature field). */
    void sign(ByteBuf message);

    /** Checks the signature of one whole SMB2 message (header at the reader index). */
    boolean verify(ByteBuf message);

    /** True when this session can encrypt (SMB 3.x with keys derived). */
    boolean canEncrypt();

    /** Wraps a plaintext message in a transform frame; the plaintext is not released. */
    ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId);

    /** Unwraps a transform frame into a new plaintext buffer; the frame is not released. */
    ByteBuf decrypt(ByteBuf frame);
}
