package dev.smbco.client.engine;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.crypto.TailDigest;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection engine: the last handler of the pipeline, owner of the credit scheduler, the
 * queue of requests waiting for credits and the pending table. Everything here runs on the channel's
 * event loop; callers hop onto the loop before calling any method.
 *
 * <p>Send path (MS-SMB2 3.2.4.1): {@link #submit} queues; {@link #pump} asks the
 * {@link CreditScheduler} who may go (FIFO, small requests may pass a head that does not fit),
 * takes credits and message ids, encodes header + body, signs, writes (the {@link TransformHandler} encrypts).
 * Receive path (3.2.5.1), after the transform stage decrypted what was encrypted: split compound → find the pending request → verify the signature → grant credits → interim
 * STATUS_PENDING → complete. Fail-all: copy and clear pending table and queue, then fail each.
 *
 * <p>The one piece of work that leaves the loop is the bulk of verifying a large AES-GMAC signed
 * response: its body is digested on a virtual thread ({@link #verifyOffLoop}) and the check
 * finishes here; no engine state is read or written off the loop.
 */
public final class SmbEngine extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(SmbEngine.class);
    /** MS-ERREF 2.3.1 STATUS_PENDING. */
    static final int STATUS_PENDING = 0x00000103;
    /** MS-SMB2 3.2.5.19: the MessageId of an unsolicited oplock or lease break notification. */
    static final long UNSOLICITED_MESSAGE_ID = 0xFFFFFFFFFFFFFFFFL;

    private final Channel channel;
    private final String peer;
    private final CreditScheduler credits;
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private final PendingTable pending = new PendingTable();
    private final TransformHandler transform;
    private boolean multiCredit;
    /** The negotiated dialect (null until NEGOTIATE completes): request bodies are encoded for it. */
    private Dialect dialect;
    private Throwable closedCause;
    /** Where response bodies are digested off the loop ({@link #verifyOffLoop}): a virtual thread each. */
    private Executor offLoop = OffLoop.virtualThreads("smbco-verify");
    /** Where oplock and lease break notifications go (MS-SMB2 3.2.5.19); null: ignored. */
    private UnsolicitedHandler unsolicited;

    public SmbEngine(Channel channel, String peer, int creditTarget, long memoryBudget, TransformHandler transform) {
        this.channel = channel;
        this.transform = transform;
        this.peer = peer;
        this.credits = new CreditScheduler(creditTarget, memoryBudget);
    }

    // ---------------------------------------------------------------- configuration (on the loop)

    /** MS-SMB2 3.2.5.2: after NEGOTIATE, dialect 2.1+ with SMB2_GLOBAL_CAP_LARGE_MTU charges multi-credit. */
    public void multiCredit(boolean enabled) {
        this.multiCredit = enabled;
    }

    /** After NEGOTIATE: bodies go out {@linkplain Smb2Request#forDialect for this dialect} (MS-SMB2 2.2's per-dialect reserved fields). */
    public void dialect(Dialect negotiated) {
        this.dialect = negotiated;
    }

    /** Where unsolicited messages (oplock and lease breaks) go; without one they are ignored. */
    public void unsolicited(UnsolicitedHandler handler) {
        this.unsolicited = handler;
    }

    /** Makes a session's keys known to the receive path (decrypting transform frames, verifying signatures). */
    public void registerSession(long sessionId, MessageSecurity security) {
        transform.register(sessionId, security);
    }

    public void unregisterSession(long sessionId) {
        transform.unregister(sessionId);
    }

    public boolean isClosed() {
        return closedCause != null;
    }

    /** Why the connection is closed, or null while open. */
    public Throwable closedCause() {
        return closedCause;
    }

    public String peer() {
        return peer;
    }

    public CreditScheduler credits() {
        return credits;
    }

    public int pendingCount() {
        return pending.size();
    }

    public int waitingCount() {
        return waiting.size();
    }

    /** Tests run off-loop digests by hand, so that EmbeddedChannel's loop is only touched from the test thread. */
    void offLoopExecutor(Executor executor) {
        this.offLoop = executor;
    }

    // ---------------------------------------------------------------- send path

    /** Queues an exchange and sends whatever the credit window allows. A closed engine fails it at once ("never sent"). */
    public void submit(Exchange x) {
        if (closedCause != null) {
            for (Exchange p : x.parts()) {
                p.releaseBody();
                p.phase(Exchange.Phase.DONE);
                p.handler.onFailure(lost(p, false));
            }
            return;
        }
        waiting.addLast(x);
        pump();
    }

    /**
     * MS-SMB2 3.2.4.1.4: queues a chain of related requests that must travel in one frame ({@link
     * ChainEncoder}). The chain waits in the queue as one entry and goes when credits for all its
     * parts are there; from then on each part is an exchange of its own (own message id, own
     * response, STATUS_PENDING, cancel). Cancelling or abandoning any part of a queued chain takes
     * the whole chain out of the queue.
     */
    public void submitChain(List<Exchange> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a chain has at least two parts, not " + parts.size());
        }
        List<Exchange> chain = List.copyOf(parts);
        for (Exchange x : chain) {
            x.chain = chain;
        }
        submit(chain.get(0));
    }

    /**
     * Sends queued exchanges as the {@link CreditScheduler} allows: in FIFO order; while the head
     * waits for credits or budget, small requests behind it may pass within the scheduler's
     * reserve. A request that can never fit (nothing in flight, charge above the grant) fails at
     * once; its failure is delivered after the walk, so a handler that submits cannot disturb it.
     */
    public void pump() {
        boolean wrote = false;
        List<Exchange> refused = null;
        int headCharge = 0; // > 0 once the head of the queue waits
        for (Iterator<Exchange> it = waiting.iterator(); closedCause == null && it.hasNext(); ) {
            Exchange x = it.next();
            int charge = x.chain != null ? ChainEncoder.charge(x.chain, multiCredit) : multiCredit ? x.body.creditCharge() : 1; // MS-SMB2 3.1.5.2
            long mid = x.chain != null ? (headCharge == 0 ? ChainEncoder.acquire(credits, x.chain, multiCredit) : CreditScheduler.WAIT)
                    : headCharge == 0 ? credits.tryAcquire(charge, x.payload) : credits.tryPass(headCharge, charge, x.payload);
            if (mid == CreditScheduler.NEVER) {
                it.remove();
                x.charge = charge;
                if (refused == null) {
                    refused = new ArrayList<>();
                }
                refused.add(x);
                continue;
            }
            if (mid == CreditScheduler.WAIT) {
                if (log.isTraceEnabled()) {
                    log.trace("{}: {} waits for {} credits ({} available, {} in flight)", peer, x.description, charge,
                            credits.available(), credits.inFlightCredits());
                }
                if (headCharge == 0) {
                    headCharge = charge;
                }
                if (!credits.mayPass(headCharge)) {
                    break;
                }
                continue;
            }
            it.remove();
            if (x.chain == null) {
                x.charge = charge;
                x.messageId = mid;
            }
            if (!write(x)) {
                break; // the connection is being torn down
            }
            wrote = true;
        }
        if (wrote && closedCause == null) {
            channel.flush();
        }
        if (refused != null) {
            for (Exchange x : refused) {
                for (Exchange p : x.parts()) {
                    p.releaseBody();
                    p.phase(Exchange.Phase.DONE);
                    p.handler.onFailure(credits.cannotFit(x.description, x.charge));
                }
            }
        }
    }

    /** Encodes and writes an exchange, or a chain's parts as one frame ({@code x} its head). */
    private boolean write(Exchange x) {
        List<Exchange> parts = x.parts();
        ByteBuf out;
        try {
            out = x.chain == null ? MessageEncoder.encode(channel.alloc(), x, credits.creditRequest(x.charge), multiCredit, dialect)
                    : ChainEncoder.encode(channel.alloc(), x.chain, credits.creditRequest(x.charge), multiCredit, dialect);
            parts.forEach(Exchange::releaseBody);
        } catch (RuntimeException e) {
            // MS-SMB2 gives no way back: message ids and signing state can no longer be trusted
            for (Exchange p : parts) {
                p.releaseBody();
                p.phase(Exchange.Phase.DONE);
                credits.finished(p.charge, p.payload);
                p.handler.onFailure(new SmbProtocolException(p.description + ": cannot encode request: " + e.getMessage(), e));
            }
            failAll(e);
            return false;
        }
        for (Exchange p : parts) {
            pending.put(p);
            p.phase(Exchange.Phase.SENT);
            if (log.isTraceEnabled()) {
                log.trace("{}: send {} mid={} charge={} ({} credits left)", peer, p.description, p.messageId, p.charge, credits.available());
            }
        }
        channel.write(MessageEncoder.wrap(x, out), channel.voidPromise());
        return true;
    }

    /**
     * MS-SMB2 3.2.4.24: asks the server to cancel a sent request, naming it by async id once it
     * went async, else by message id. A queued request is simply taken out of the queue.
     *
     * @return true if cancelling was possible (the request had not finished)
     */
    public boolean cancel(Exchange x) {
        switch (x.phase()) {
            case QUEUED -> {
                return dropQueued(x);
            }
            case SENT, ASYNC -> {
                x.cancelRequested = true;
                sendCancel(x);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * The request ended on the caller's side (timed out or cancelled) before its response arrived.
     * A queued exchange leaves the queue; a sent one stays in the pending table with its handler
     * replaced, so its late response still grants credits and is released, and a late success is
     * undone by the exchange's {@link LateSuccess} (the one place that happens); an async one is
     * cancelled on the server.
     */
    public void abandon(Exchange x) {
        switch (x.phase()) {
            case QUEUED -> {
                dropQueued(x);
                pump();
            }
            case SENT, ASYNC -> {
                x.abandoned = true;
                x.handler = new Abandoned(x);
                if (!x.cancelRequested) {
                    x.cancelRequested = true;
                    sendCancel(x);
                }
            }
            default -> {
            }
        }
    }

    /** Takes a queued exchange (for a chain's part: the whole chain) out of the queue; false if it was not there. */
    private boolean dropQueued(Exchange x) {
        if (!waiting.remove(x.head())) {
            return false;
        }
        for (Exchange p : x.parts()) {
            p.releaseBody();
            p.phase(Exchange.Phase.DONE);
        }
        return true;
    }

    private void sendCancel(Exchange x) {
        if (closedCause != null || x.phase() == Exchange.Phase.DONE) {
            return;
        }
        boolean async = x.phase() == Exchange.Phase.ASYNC;
        if (!async && x.command() == Command.NEGOTIATE) {
            return;
        }
        ByteBuf out;
        try {
            out = MessageEncoder.encodeCancel(channel.alloc(), x, async);
        } catch (RuntimeException e) {
            failAll(e);
            return;
        }
        log.debug("{}: CANCEL {} ({})", peer, x.description, async ? "async id " + x.asyncId : "mid " + x.messageId);
        channel.writeAndFlush(MessageEncoder.wrap(x, out), channel.voidPromise());
    }

    // ---------------------------------------------------------------- receive path

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        boolean encrypted = msg instanceof TransformHandler.Decrypted;
        ByteBuf frame = encrypted ? ((TransformHandler.Decrypted) msg).content() : (ByteBuf) msg;
        try {
            onFrame(frame, encrypted);
        } catch (RuntimeException e) {
            failAll(e);
        } finally {
            frame.release();
        }
        pump();
    }

    /** MS-SMB2 3.2.5.1: after the transform stage only SMB2 messages may remain; SMB1 or compressed frames are refused. */
    private void onFrame(ByteBuf frame, boolean encrypted) {
        if (frame.readableBytes() < 4) {
            throw new SmbProtocolException("frame of " + frame.readableBytes() + " bytes is too short");
        }
        int protocolId = frame.getIntLE(frame.readerIndex());
        switch (protocolId) {
            case Smb2Header.PROTOCOL_ID -> splitCompound(frame, encrypted);
            case Smb2Header.TRANSFORM_PROTOCOL_ID -> throw new SmbProtocolException("nested transform frame");
            case Smb2Header.SMB1_PROTOCOL_ID -> throw new SmbProtocolException("server answered with SMB1, which this client does not speak");
            case Smb2Header.COMPRESSION_PROTOCOL_ID -> throw new SmbProtocolException("server sent a compressed frame although compression was not negotiated");
            default -> throw new SmbProtocolException(String.format("not an SMB2 frame: ProtocolId 0x%08X", protocolId));
        }
    }

    /** MS-SMB2 3.2.5.1.9: walks a compound by NextCommand, narrowing a window over one buffer. */
    private void splitCompound(ByteBuf frame, boolean encrypted) {
        int start = frame.readerIndex();
        int end = frame.writerIndex();
        while (true) {
            if (end - start < Smb2Header.SIZE) {
                throw new SmbProtocolException(new SmbDecodeException("SMB2 header", "header",
                        "needs 64 bytes, only " + (end - start) + " left").getMessage());
            }
            int next = frame.getIntLE(start + Smb2Header.OFFSET_NEXT_COMMAND);
            int messageEnd;
            if (next == 0) {
                messageEnd = end;
            } else if (next < Smb2Header.SIZE || (next & 7) != 0 || (long) start + next > end) {
                throw new SmbProtocolException("compound response: NextCommand " + next + " outside the frame");
            } else {
                messageEnd = start + next;
            }
            onMessage(frame.retainedSlice(start, messageEnd - start), encrypted, start == frame.readerIndex() && next == 0);
            if (next == 0) {
                return;
            }
            start = messageEnd;
        }
    }

    /**
     * One response message (ownership passes in): match, verify, grant credits, interim or
     * complete. {@code whole}: the message is the whole frame (not part of a compound).
     */
    private void onMessage(ByteBuf message, boolean encrypted, boolean whole) {
        boolean delivered = false;
        try {
            Smb2Header header;
            try {
                header = Smb2Header.decode(message.duplicate());
            } catch (SmbDecodeException e) {
                throw new SmbProtocolException("malformed response: " + e.getMessage(), e);
            }
            if (!header.isResponse()) {
                throw new SmbProtocolException("server sent a request (" + header.command() + "), not a response");
            }
            if (header.messageId() == UNSOLICITED_MESSAGE_ID) {
                // MS-SMB2 3.2.5.19: an oplock or lease break, dispatched from one place (the lease table)
                credits.grant(header.credits());
                if (unsolicited == null) {
                    log.debug("{}: ignoring unsolicited {}", peer, header.command());
                } else {
                    unsolicited.onUnsolicited(header, message);
                }
                return;
            }
            Exchange x = pending.get(header.messageId());
            if (x == null) {
                throw new SmbProtocolException("response " + header.command() + " for unknown message id " + header.messageId());
            }
            if (header.command() != x.command()) {
                throw new SmbProtocolException(x.description + ": response command " + header.command() + " does not match");
            }
            if (x.verifying) {
                throw new SmbProtocolException(x.description + ": a second response for message id " + header.messageId());
            }
            boolean interim = header.status() == STATUS_PENDING && header.isAsync();
            if (!interim && whole && !encrypted && !x.encrypt && header.isSigned() && x.security != null
                    && message.readableBytes() >= OFF_LOOP_VERIFY && x.security.digestsTails()) {
                delivered = true; // ownership passes to the verification
                verifyOffLoop(x, header, message);
                return;
            }
            if (!interim) {
                checkSecurity(x, header, message, encrypted);
            }
            if (interim) {
                credits.grant(header.credits());
                x.asyncId = header.asyncId();
                x.phase(Exchange.Phase.ASYNC);
                log.trace("{}: {} went async (async id {})", peer, x.description, x.asyncId);
                x.handler.onInterim(x.asyncId);
                if (x.cancelRequested) {
                    sendCancel(x);
                }
                return;
            }
            delivered = true;
            complete(x, header, message);
        } finally {
            if (!delivered) {
                message.release();
            }
        }
    }

    /**
     * The exchange's final, checked response: out of the pending table, its grant and budget to the
     * scheduler, to its handler (which owns the message).
     */
    private void complete(Exchange x, Smb2Header header, ByteBuf message) {
        pending.remove(x);
        x.phase(Exchange.Phase.DONE);
        credits.responded(x.charge, x.payload, header.credits());
        if (log.isTraceEnabled()) {
            log.trace("{}: recv {} mid={} status=0x{} credits+{}", peer, x.description, x.messageId,
                    Integer.toHexString(header.status()), header.credits());
        }
        x.handler.onResponse(header, message);
    }

    /**
     * Signed responses from this size on (a large READ) have their body digested on a virtual
     * thread, not on the event loop, which then only checks the header's share: GMAC's bulk work
     * (~5 ms per 8 MiB) stays off the loop, as for signed WRITEs (MessageSigner.digestTail).
     */
    static final int OFF_LOOP_VERIFY = 64 * 1024 + Smb2Header.SIZE;

    /**
     * Digests the body of a signed response on a virtual thread, then finishes on the loop
     * ({@link #verified}). Meanwhile the exchange stays pending (a drop fails it as usual, a
     * timeout abandons it) and holds the message; nothing about it is decided before the
     * signature is checked: no credits granted, no completion.
     */
    private void verifyOffLoop(Exchange x, Smb2Header header, ByteBuf message) {
        x.verifying = true;
        MessageSecurity security = x.security;
        ByteBuf body = message.slice(message.readerIndex() + Smb2Header.SIZE, message.readableBytes() - Smb2Header.SIZE);
        OffLoop.run(offLoop, channel.eventLoop(), () -> security.digestTail(body),
                (digest, failure) -> verified(x, header, message, digest, failure),
                digest -> message.release()); // the client is shutting down: nobody is left to tell
    }

    /** Back on the loop: check the signature with the digested body, then carry on as {@link #onMessage} would. */
    private void verified(Exchange x, Smb2Header header, ByteBuf message, TailDigest digest, Throwable failure) {
        x.verifying = false;
        boolean delivered = false;
        try {
            if (closedCause != null) {
                return; // failAll has failed the exchange already
            }
            if (failure != null) {
                // the digest was never made (an Error such as OutOfDirectMemoryError included): the response
                // cannot be accepted, and its credits are unknown, so the request and the connection fail
                failWithProtocolError(x, new SmbProtocolException(x.description + ": cannot check the signature on response: "
                        + failure, failure));
                return;
            }
            if (!x.security.verify(message.duplicate(), digest)) {
                failWithProtocolError(x, new SmbProtocolException(x.description + ": bad signature on response"));
                return;
            }
            delivered = true;
            complete(x, header, message);
        } catch (RuntimeException e) {
            failAll(e);
        } finally {
            if (!delivered) {
                message.release();
            }
        }
        pump();
    }

    /** MS-ERREF STATUS_NETWORK_SESSION_EXPIRED and STATUS_USER_SESSION_DELETED. */
    private static final int STATUS_NETWORK_SESSION_EXPIRED = 0xC000035C;
    private static final int STATUS_USER_SESSION_DELETED = 0xC0000203;

    /**
     * MS-SMB2 3.2.5.1.3: where the request was encrypted the response must be too; where it was
     * signed (or signing is in force) the response must carry a valid signature. A violation fails
     * this request with a protocol error and tears the connection down.
     */
    private void checkSecurity(Exchange x, Smb2Header header, ByteBuf message, boolean encrypted) {
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
            failWithProtocolError(x, error);
            throw error; // stops processing this frame; the connection is down already
        }
    }

    /**
     * A response that must not be accepted: the connection goes down first (every other request
     * fails as lost), then this request fails with the protocol error itself, so that whoever
     * sees it fail already finds the connection closed.
     */
    private void failWithProtocolError(Exchange x, SmbProtocolException error) {
        pending.remove(x);
        x.phase(Exchange.Phase.DONE);
        credits.finished(x.charge, x.payload);
        failAll(error);
        x.handler.onFailure(error);
    }

    // ---------------------------------------------------------------- fail-all

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        failAll(new java.io.IOException("connection closed"));
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        failAll(cause);
    }

    /** Closes the connection on the user's behalf: pending requests fail as lost. */
    public void close(Throwable reason) {
        failAll(reason);
    }

    /**
     * Tears the connection down once: takes every pending and queued exchange out first (copy and
     * clear), then fails each — sent ones as "outcome unknown", queued ones as "never sent".
     */
    public void failAll(Throwable cause) {
        if (closedCause != null) {
            return;
        }
        closedCause = cause;
        List<Exchange> sent = pending.removeAll();
        List<Exchange> queued = new ArrayList<>(waiting);
        waiting.clear();
        transform.clear();
        log.debug("{}: connection down ({}); failing {} pending and {} queued requests", peer, cause.toString(), sent.size(), queued.size());
        channel.close();
        for (Exchange x : sent) {
            x.phase(Exchange.Phase.DONE);
            credits.finished(x.charge, x.payload); // the connection holds nothing any more
            x.handler.onFailure(lost(x, true));
        }
        for (Exchange q : queued) {
            for (Exchange x : q.parts()) {
                x.releaseBody();
                x.phase(Exchange.Phase.DONE);
                x.handler.onFailure(lost(x, false));
            }
        }
    }

    private SmbConnectionLostException lost(Exchange x, boolean sent) {
        String why = closedCause.getMessage() == null ? closedCause.getClass().getSimpleName() : closedCause.getMessage();
        return new SmbConnectionLostException(x.description + ": connection to " + peer + " lost: " + why, sent, closedCause);
    }

    /**
     * The handler of an exchange whose caller gave up: a late success is undone ({@link
     * Exchange#lateResponse}: CLOSE for an open, LOGOFF for a session, ...), then released; a
     * failure goes nowhere.
     */
    private record Abandoned(Exchange x) implements ResponseHandler {
        @Override
        public void onResponse(Smb2Header header, ByteBuf message) {
            try {
                x.lateResponse(header, message);
            } finally {
                message.release();
            }
        }

        @Override
        public void onFailure(RuntimeException error) {
        }
    }
}
