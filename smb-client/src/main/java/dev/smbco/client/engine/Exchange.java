package dev.smbco.client.engine;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.util.ReferenceCountUtil;

/**
 * One request on its way through the engine: what to send (body + routing header fields), how
 * (signed, encrypted), what it costs (credit charge, payload bytes) and where its outcome goes.
 * Mutable routing state (phase, message id, async id) is touched only on the event loop; {@link
 * #phase()} is volatile so a cancel from another thread can see whether cancelling is possible.
 */
public final class Exchange {
    /** Where an exchange is. */
    public enum Phase { QUEUED, SENT, ASYNC, DONE }

    final Smb2Request body;
    final long sessionId;
    final int treeId;
    final long payload;
    final MessageSecurity security;
    final boolean sign;
    final boolean encrypt;
    final String description;
    ResponseHandler handler;
    java.util.function.Consumer<io.netty.buffer.ByteBuf> onEncoded;
    int charge = 1;
    long messageId = -1;
    long asyncId;
    boolean cancelRequested;
    boolean abandoned;
    /** Its response arrived and its signature is being checked off the loop (SmbEngine.verifyOffLoop). */
    boolean verifying;
    private volatile Phase phase = Phase.QUEUED;
    private boolean bodyReleased;

    /**
     * @param body        the request body; if it is reference counted (a WRITE holding its data) the
     *                    engine releases it once, after encoding or on failure
     * @param security    the session's security state, or null before a session exists
     * @param sign        sign the request (and insist on a signed response)
     * @param encrypt     send it in a transform frame (and insist on an encrypted response)
     * @param description for error messages, e.g. {@code "CREATE \\host\share\a.txt"}
     */
    public Exchange(Smb2Request body, long sessionId, int treeId, MessageSecurity security, boolean sign, boolean encrypt,
                    String description, ResponseHandler handler) {
        this.body = body;
        this.sessionId = sessionId;
        this.treeId = treeId;
        this.payload = Math.max(0, body.creditPayloadSize());
        this.security = security;
        this.sign = sign;
        this.encrypt = encrypt;
        this.description = description;
        this.handler = handler;
    }

    /**
     * Sees the encoded message (header + body, signed if signing applies, before any encryption)
     * just before it is written: the 3.1.1 preauth integrity hash covers NEGOTIATE and
     * SESSION_SETUP requests as sent. The buffer must not be modified or released.
     */
    public Exchange onEncoded(java.util.function.Consumer<io.netty.buffer.ByteBuf> observer) {
        this.onEncoded = observer;
        return this;
    }

    public Command command() {
        return body.command();
    }

    public Phase phase() {
        return phase;
    }

    void phase(Phase p) {
        phase = p;
    }

    public long messageId() {
        return messageId;
    }

    public String description() {
        return description;
    }

    /** Releases a reference-counted body once. */
    void releaseBody() {
        if (!bodyReleased) {
            bodyReleased = true;
            ReferenceCountUtil.release(body);
        }
    }

    @Override
    public String toString() {
        return description + " [mid=" + messageId + " " + phase + "]";
    }
}
