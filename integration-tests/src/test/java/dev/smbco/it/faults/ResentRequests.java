package dev.smbco.it.faults;

import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * Finds, in a {@link FaultProxy}, the answer to a READ or WRITE the client sent again after a
 * reconnection, and rewrites that one answer: the proxy notes the Offset of every such request it
 * forwards before the cut; after the cut, the first request at a noted Offset is a resend (each
 * part of a transfer goes out once otherwise), and the server's final answer under its MessageId
 * is rewritten. READ (MS-SMB2 2.2.19) and WRITE (2.2.21) requests both carry their Offset
 * (8 bytes) 8 bytes into the body.
 */
final class ResentRequests {
    private static final int HEADER = 64;
    private static final int OFFSET_IN_BODY = 8;
    private static final int SERVER_TO_REDIR = 0x1;

    private final Set<Long> offsetsBeforeTheCut = ConcurrentHashMap.newKeySet();
    private final AtomicLong resentMessageId = new AtomicLong(-1);
    private final AtomicLong resentOffset = new AtomicLong(-1);
    private final FrameRule rewrite;

    /**
     * Watches {@code command} requests through {@code proxy}; once {@code cut} says the connection
     * was cut, the answer to the first resent one gets {@code answer}.
     */
    ResentRequests(FaultProxy proxy, int command, BooleanSupplier cut, UnaryOperator<byte[]> answer) {
        proxy.clientToServer().watch(frame -> {
            if (Frames.command(frame) != command || (frame[Frames.FLAGS_OFFSET] & SERVER_TO_REDIR) != 0 || frame.length < HEADER + 16) {
                return;
            }
            long offset = offset(frame);
            if (!cut.getAsBoolean()) {
                offsetsBeforeTheCut.add(offset);
            } else if (offsetsBeforeTheCut.contains(offset) && resentMessageId.compareAndSet(-1, Frames.messageId(frame))) {
                resentOffset.set(offset);
            }
        });
        this.rewrite = proxy.serverToClient().rewrite(
                Frames.finalResponse(command).and(f -> Frames.messageId(f) == resentMessageId.get()), 1, answer);
    }

    /** The rule that rewrote the answer: fired once it did, with the moment. */
    FrameRule rewrite() {
        return rewrite;
    }

    /** The file offset of the resent request whose answer was rewritten, or -1. */
    long resentOffset() {
        return resentOffset.get();
    }

    private static long offset(byte[] frame) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (frame[HEADER + OFFSET_IN_BODY + i] & 0xFF);
        }
        return v;
    }
}
