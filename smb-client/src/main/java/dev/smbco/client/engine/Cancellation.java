package dev.smbco.client.engine;

import dev.smbco.protocol.Command;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cancelling and abandoning one {@link SmbEngine}'s requests (MS-SMB2 3.2.4.24): a queued request
 * leaves the engine's queue, a sent one is cancelled on the server, an abandoned one keeps its
 * place in the pending table under an {@link Abandoned} handler. Runs on the channel's event loop,
 * like the engine; the queue and pending table stay the engine's.
 */
final class Cancellation {
    /** Logs under the engine's name, as it did before this class was split out of it. */
    private static final Logger log = LoggerFactory.getLogger(SmbEngine.class);

    private final SmbEngine engine;
    private final Channel channel;

    Cancellation(SmbEngine engine, Channel channel) {
        this.engine = engine;
        this.channel = channel;
    }

    /**
     * MS-SMB2 3.2.4.24: asks the server to cancel a sent request, naming it by async id once it
     * went async, else by message id. A queued request is simply taken out of the queue.
     *
     * @return true if cancelling was possible (the request had not finished)
     */
    boolean cancel(Exchange x) {
        switch (x.phase()) {
            case QUEUED -> {
                return engine.dropQueued(x);
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
    void abandon(Exchange x) {
        switch (x.phase()) {
            case QUEUED -> {
                engine.dropQueued(x);
                engine.pump();
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

    /** Sends the SMB2 CANCEL for a sent request (none for a NEGOTIATE that has not gone async, none once closed or done). */
    void sendCancel(Exchange x) {
        if (engine.isClosed() || x.phase() == Exchange.Phase.DONE) {
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
            engine.failAll(e);
            return;
        }
        log.debug("{}: CANCEL {} ({})", engine.peer(), x.description, async ? "async id " + x.asyncId : "mid " + x.messageId);
        channel.writeAndFlush(MessageEncoder.wrap(x, out), channel.voidPromise());
    }
}
