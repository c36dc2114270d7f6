package dev.smbco.client.engine;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request on its way through the engine: what to send (body + routing header fields), how
 * (signed, encrypted), what it costs (credit charge, payload bytes) and where its outcome goes.
 * Mutable routing state (phase, message id, async id) is touched only on the event loop; {@link
 * #phase()} is volatile so a cancel from another thread can see whether cancelling is possible.
 */
public final class Exchange {
    private static final Logger log = LoggerFactory.getLogger(Exchange.class);
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
    /** Undoes server state created by a success nobody is waiting for; null when the request creates none. */
    private LateSuccess lateSuccess;
    /** The chain this exchange travels in ({@link SmbEngine#submitChain}), the same list for every part; null alone. */
    List<Exchange> chain;
    int charge = 1;
    long messageId = -1;
    long asyncId;
    boolean cancelRequested;
    boolean abandoned;
    /** Its response arrived and its signature is being checked off the loop (ResponseSecurity.verifyOffLoop). */
    boolean verifying;
    private volatile Phase phase = Phase.QUEUED;
    private boolean bodyReleased;
    /** Sent as a replay of a request already sent before a reconnection (SMB2_FLAGS_REPLAY_OPERATION on SMB 3.x). */
    boolean replay;

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

    /**
     * Sets what undoes this request's server state when its success arrives after the caller
     * stopped waiting ({@link LateSuccess}). Set before the exchange is submitted.
     */
    public Exchange onLateSuccess(LateSuccess undo) {
        this.lateSuccess = undo;
        return this;
    }

    /**
     * Marks the exchange as the replay of a request sent before the connection was lost (MS-SMB2
     * 3.2.4.1.1): on SMB 3.x its header carries SMB2_FLAGS_REPLAY_OPERATION. Set before it is submitted.
     */
    public Exchange replay(boolean replay) {
        this.replay = replay;
        return this;
    }

    /** The undo set by {@link #onLateSuccess}, or null. */
    public LateSuccess lateSuccess() {
        return lateSuccess;
    }

    /** MS-ERREF STATUS_MORE_PROCESSING_REQUIRED: a SESSION_SETUP leg the server keeps a session for. */
    private static final int STATUS_MORE_PROCESSING_REQUIRED = 0xC0000016;

    /**
     * A final response that nobody will take (the caller stopped waiting): if it is a success
     * (STATUS_SUCCESS; for SESSION_SETUP also STATUS_MORE_PROCESSING_REQUIRED, where the server
     * already holds a session) and the request created server state, undo it. On the event loop;
     * runs the undo at most once. {@code message} is borrowed (reader index at the SMB2 header,
     * as a {@link ResponseHandler} gets it); the caller still releases it.
     *
     * @return whether an undo ran
     */
    public boolean lateResponse(Smb2Header header, ByteBuf message) {
        LateSuccess undo = lateSuccess;
        int status = header.status();
        boolean success = status == 0 || (status == STATUS_MORE_PROCESSING_REQUIRED && command() == Command.SESSION_SETUP);
        if (undo == null || !success) {
            return false;
        }
        lateSuccess = null;
        ByteBuf body = message.duplicate();
        body.skipBytes(Math.min(Smb2Header.SIZE, body.readableBytes()));
        try {
            log.debug("{}: late success nobody took; undoing it", description);
            undo.undo(header, body);
        } catch (Throwable e) {
            // best effort: the server drops the state with the session or connection anyway
            log.debug("{}: undoing a late success failed: {}", description, e.toString());
        }
        return true;
    }

    /** The parts an exchange stands for in the queue: its chain's, or itself alone. */
    List<Exchange> parts() {
        return chain != null ? chain : List.of(this);
    }

    /** The exchange that represents this one in the engine's queue: its chain's first part, or itself. */
    Exchange head() {
        return chain != null ? chain.get(0) : this;
    }

    /**
     * The body as it goes on the wire once NEGOTIATE chose {@code dialect} (null before): fields the
     * dialect reserves are zeroed ({@link Smb2Request#forDialect}).
     */
    Smb2Request bodyFor(Dialect dialect) {
        return dialect == null ? body : body.forDialect(dialect);
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
