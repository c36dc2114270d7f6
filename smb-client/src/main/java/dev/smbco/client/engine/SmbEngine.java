package dev.smbco.client.engine;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
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
 * {@link CreditScheduler} who may go (FIFO; small requests and chains of small parts may pass a head that does not fit),
 * takes credits and message ids, encodes header + body, signs, writes (the {@link TransformHandler} encrypts).
 * Receive path (3.2.5.1), after the transform stage decrypted what was encrypted: split compound → find the pending request → verify the signature → grant credits → interim
 * STATUS_PENDING → complete. Fail-all: copy and clear pending table and queue, then fail each.
 *
 * <p>The one piece of work that leaves the loop is the bulk of verifying a large AES-GMAC signed
 * response: its body is digested on a virtual thread ({@link ResponseSecurity#verifyOffLoop}) and the
 * check finishes on the loop; no engine state is read or written off the loop. Frames are split by
 * {@link ResponseFrames}, responses checked by {@link ResponseSecurity}.
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
    /** The ChannelSequence of this transport connection's requests ({@link #channelSequence(int)}). */
    private int channelSequence;
    private Throwable closedCause;
    /** The receive-side signing and encryption check, and where large signed bodies are verified off the loop. */
    private final ResponseSecurity responseSecurity;
    /** Cancelling and abandoning requests (MS-SMB2 3.2.4.24). */
    private final Cancellation cancellation;
    /** Where oplock and lease break notifications go (MS-SMB2 3.2.5.19); null: ignored. */
    private UnsolicitedHandler unsolicited;

    public SmbEngine(Channel channel, String peer, int creditTarget, long memoryBudget, TransformHandler transform) {
        this.channel = channel;
        this.transform = transform;
        this.peer = peer;
        this.credits = new CreditScheduler(creditTarget, memoryBudget);
        this.responseSecurity = new ResponseSecurity(this, channel);
        this.cancellation = new Cancellation(this, channel);
    }

    // ---------------------------------------------------------------- configuration (on the loop)

    /** MS-SMB2 3.2.5.2: after NEGOTIATE, dialect 2.1+ with SMB2_GLOBAL_CAP_LARGE_MTU charges multi-credit. */
    public void multiCredit(boolean enabled) {
        this.multiCredit = enabled;
    }

    /**
     * MS-SMB2 3.2.4.1 / 3.3.5.2.10: the ChannelSequence this transport connection's SMB 3.x requests
     * carry; a reconnection's new connection gets the next one. Set before the first request.
     */
    public void channelSequence(int sequence) {
        this.channelSequence = sequence;
    }

    /** After NEGOTIATE: bodies go out {@linkplain Smb2Request#forDialect for this dialect} (MS-SMB2 2.2's per-dialect reserved fields). */
    public void dialect(Dialect negotiated) {
        this.dialect = negotiated;
    }

    /** Told once, on the loop, when the connection goes down and before its requests fail (a reconnection starts there). */
    public void onDown(java.util.function.Consumer<Throwable> hook) {
        this.onDown = hook;
    }

    private java.util.function.Consumer<Throwable> onDown;

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
        responseSecurity.offLoopExecutor(executor);
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
     * waits for credits or budget, small requests and chains of small parts behind it may pass as
     * the scheduler's policy says, and the credits of what still waits become the scheduler's
     * {@linkplain CreditScheduler#demand demand}. A request that can never fit (nothing in flight, charge above the grant) fails at
     * once; its failure is delivered after the walk, so a handler that submits cannot disturb it.
     */
    public void pump() {
        boolean wrote = false;
        List<Exchange> refused = null;
        int headCharge = 0; // > 0 once the head of the queue waits
        long waitingCredits = 0;
        for (Iterator<Exchange> it = waiting.iterator(); closedCause == null && it.hasNext(); ) {
            Exchange x = it.next();
            int charge = chargeOf(x);
            long mid = x.chain != null ? ChainEncoder.acquire(credits, x.chain, multiCredit, headCharge)
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
                waitingCredits += charge;
                if (!credits.mayPass(headCharge)) {
                    // everything behind waits too: its credits are demand (counted up to what may be asked for)
                    while (it.hasNext() && waitingCredits < 0xFFFF) {
                        waitingCredits += chargeOf(it.next());
                    }
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
        credits.demand((int) Math.min(Integer.MAX_VALUE, waitingCredits));
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

    /** MS-SMB2 3.1.5.2: what a queued exchange (a chain: all its parts) charges. */
    private int chargeOf(Exchange x) {
        return x.chain != null ? ChainEncoder.charge(x.chain, multiCredit) : multiCredit ? x.body.creditCharge() : 1;
    }

    /** Encodes and writes an exchange, or a chain's parts as one frame ({@code x} its head). */
    private boolean write(Exchange x) {
        List<Exchange> parts = x.parts();
        ByteBuf out;
        try {
            out = x.chain == null ? MessageEncoder.encode(channel.alloc(), x, credits.creditRequest(x.charge), multiCredit, dialect, channelSequence)
                    : ChainEncoder.encode(channel.alloc(), x.chain, credits.creditRequest(x.charge), multiCredit, dialect, channelSequence);
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
     * MS-SMB2 3.2.4.24: cancels a queued or sent request ({@link Cancellation#cancel}).
     *
     * @return true if cancelling was possible (the request had not finished)
     */
    public boolean cancel(Exchange x) {
        return cancellation.cancel(x);
    }

    /** The request ended on the caller's side (timed out or cancelled): see {@link Cancellation#abandon}. */
    public void abandon(Exchange x) {
        cancellation.abandon(x);
    }

    /** Takes a queued exchange (for a chain's part: the whole chain) out of the queue; false if it was not there. */
    boolean dropQueued(Exchange x) {
        if (!waiting.remove(x.head())) {
            return false;
        }
        for (Exchange p : x.parts()) {
            p.releaseBody();
            p.phase(Exchange.Phase.DONE);
        }
        return true;
    }

    // ---------------------------------------------------------------- receive path

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        boolean encrypted = msg instanceof TransformHandler.Decrypted;
        ByteBuf frame = encrypted ? ((TransformHandler.Decrypted) msg).content() : (ByteBuf) msg;
        try {
            ResponseFrames.split(frame, encrypted, this::onMessage);
        } catch (RuntimeException e) {
            failAll(e);
        } finally {
            frame.release();
        }
        pump();
    }

    /**
     * One response message (ownership passes in): match, verify, grant credits, interim or
     * complete. {@code whole}: the message is the whole frame (not part of a compound).
     */
    private void onMessage(ByteBuf message, boolean encrypted, boolean whole) {
        boolean delivered = false;
        try {
            Smb2Header header = ResponseFrames.responseHeader(message);
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
            if (!interim && ResponseSecurity.verifiesOffLoop(x, header, message, encrypted, whole)) {
                delivered = true; // ownership passes to the verification
                responseSecurity.verifyOffLoop(x, header, message);
                return;
            }
            if (!interim) {
                responseSecurity.check(x, header, message, encrypted);
            }
            if (interim) {
                credits.grant(header.credits());
                x.asyncId = header.asyncId();
                x.phase(Exchange.Phase.ASYNC);
                log.trace("{}: {} went async (async id {})", peer, x.description, x.asyncId);
                x.handler.onInterim(x.asyncId);
                if (x.cancelRequested) {
                    cancellation.sendCancel(x);
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
    void complete(Exchange x, Smb2Header header, ByteBuf message) {
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
     * A response that must not be accepted: the connection goes down first (every other request
     * fails as lost), then this request fails with the protocol error itself, so that whoever
     * sees it fail already finds the connection closed.
     */
    void failWithProtocolError(Exchange x, SmbProtocolException error) {
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
        if (onDown != null) {
            onDown.accept(cause); // before any request fails: a reconnection holds what their callbacks send next
        }
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
}
