package dev.smbco.client.engine;

import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.crypto.TailDigest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.util.concurrent.Executor;

/**
 * The receive side of signing and encryption for one {@link SmbEngine} (MS-SMB2 3.2.5.1.3):
 * whether a final response may be accepted, and the off-loop verification of large signed
 * responses. Everything here runs on the channel's event loop except the digest of a large body
 * ({@link #verifyOffLoop}); no engine state is read or written off the loop. A response that fails
 * the check goes to {@link SmbEngine#failWithProtocolError}; one that passes off the loop goes to
 * {@link SmbEngine#complete}.
 */
final class ResponseSecurity {
    /**
     * Signed responses from this size on (a large READ) have their body digested on a virtual
     * thread, not on the event loop, which then only checks the header's share: GMAC's bulk work
     * (~5 ms per 8 MiB) stays off the loop, as for signed WRITEs (MessageSigner.digestTail).
     */
    static final int OFF_LOOP_VERIFY = 64 * 1024 + Smb2Header.SIZE;

    /** MS-ERREF STATUS_NETWORK_SESSION_EXPIRED and STATUS_USER_SESSION_DELETED. */
    private static final int STATUS_NETWORK_SESSION_EXPIRED = 0xC000035C;
    private static final int STATUS_USER_SESSION_DELETED = 0xC0000203;

    private final SmbEngine engine;
    private final Channel channel;
    /** Where response bodies are digested off the loop ({@link #verifyOffLoop}): a virtual thread each. */
    private Executor offLoop = OffLoop.virtualThreads("smbco-verify");

    ResponseSecurity(SmbEngine engine, Channel channel) {
        this.engine = engine;
        this.channel = channel;
    }

    /** Tests run off-loop digests by hand, so that EmbeddedChannel's loop is only touched from the test thread. */
    void offLoopExecutor(Executor executor) {
        this.offLoop = executor;
    }

    /**
     * Whether this final response is checked off the loop ({@link #verifyOffLoop}): a large signed
     * message that is the whole frame, neither encrypted nor expected to be, whose signer digests
     * tails. {@code whole}: the message is the whole frame (not part of a compound).
     */
    static boolean verifiesOffLoop(Exchange x, Smb2Header header, ByteBuf message, boolean encrypted, boolean whole) {
        return whole && !encrypted && !x.encrypt && header.isSigned() && x.security != null
                && message.readableBytes() >= OFF_LOOP_VERIFY && x.security.digestsTails();
    }

    /**
     * MS-SMB2 3.2.5.1.3: where the request was encrypted the response must be too; where it was
     * signed (or signing is in force) the response must carry a valid signature. A violation fails
     * this request with a protocol error and tears the connection down.
     */
    void check(Exchange x, Smb2Header header, ByteBuf message, boolean encrypted) {
        String problem = null;
        // the server cannot sign or seal for a session it no longer has (MS-SMB2 3.3.5.2.9): such an answer carries
        // no data and is taken unsigned, so that the session can be re-authenticated (expired) or dropped (deleted)
        boolean keyless = !header.isSigned() && (header.status() == STATUS_NETWORK_SESSION_EXPIRED
                || header.status() == STATUS_USER_SESSION_DELETED);
        if (x.encrypt && !encrypted && !keyless) {
            problem = "unencrypted response where encryption is in force";
        } else if (!encrypted && x.security != null && (x.sign || header.isSigned())) {
            if (!header.isSigned()) {
                problem = keyless ? null : "unsigned response where signing is required";
            } else if (!x.security.verify(message.duplicate())) {
                problem = "bad signature on response";
            }
        }
        if (problem != null) {
            SmbProtocolException error = new SmbProtocolException(x.description + ": " + problem);
            engine.failWithProtocolError(x, error);
            throw error; // stops processing this frame; the connection is down already
        }
    }

    /**
     * Digests the body of a signed response on a virtual thread, then finishes on the loop
     * ({@link #verified}). Meanwhile the exchange stays pending (a drop fails it as usual, a
     * timeout abandons it) and holds the message; nothing about it is decided before the
     * signature is checked: no credits granted, no completion.
     */
    void verifyOffLoop(Exchange x, Smb2Header header, ByteBuf message) {
        x.verifying = true;
        MessageSecurity security = x.security;
        ByteBuf body = message.slice(message.readerIndex() + Smb2Header.SIZE, message.readableBytes() - Smb2Header.SIZE);
        OffLoop.run(offLoop, channel.eventLoop(), () -> security.digestTail(body),
                (digest, failure) -> verified(x, header, message, digest, failure),
                digest -> message.release()); // the client is shutting down: nobody is left to tell
    }

    /** Back on the loop: check the signature with the digested body, then carry on as the engine's receive path would. */
    private void verified(Exchange x, Smb2Header header, ByteBuf message, TailDigest digest, Throwable failure) {
        x.verifying = false;
        boolean delivered = false;
        try {
            if (engine.isClosed()) {
                return; // failAll has failed the exchange already
            }
            if (failure != null) {
                // the digest was never made (an Error such as OutOfDirectMemoryError included): the response
                // cannot be accepted, and its credits are unknown, so the request and the connection fail
                engine.failWithProtocolError(x, new SmbProtocolException(x.description + ": cannot check the signature on response: "
                        + failure, failure));
                return;
            }
            if (!x.security.verify(message.duplicate(), digest)) {
                engine.failWithProtocolError(x, new SmbProtocolException(x.description + ": bad signature on response"));
                return;
            }
            delivered = true;
            engine.complete(x, header, message);
        } catch (RuntimeException e) {
            engine.failAll(e);
        } finally {
            if (!delivered) {
                message.release();
            }
        }
        engine.pump();
    }
}
