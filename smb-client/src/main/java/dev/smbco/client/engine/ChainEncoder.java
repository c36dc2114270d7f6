package dev.smbco.client.engine;

import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Dialect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.util.List;

/**
 * MS-SMB2 3.2.4.1.4 Sending Compounded Requests, the related style: lays out a chain of exchanges
 * (message ids and charges already set) as one message sequence for one transport frame.
 *
 * <ul>
 *   <li>every part but the last is padded to a multiple of 8 bytes and its NextCommand holds its
 *       padded length (the offset of the next header);</li>
 *   <li>SMB2_FLAGS_RELATED_OPERATIONS is set on every part after the first; their SessionId and
 *       TreeId are the route's own (the server takes them from the previous operation anyway,
 *       3.3.5.2.7.2) and their bodies name the file as {@code FileId.RELATED};</li>
 *   <li>each part carries its own MessageId and CreditCharge; the first asks for more credits
 *       ({@code creditRequest}), the others replace their own charge;</li>
 *   <li>signing (3.2.4.1.1) signs each part separately, over its header, body and padding, once its
 *       NextCommand is set; an encrypted chain is not signed and goes out as one transform frame
 *       ({@link MessageEncoder#wrap} of the whole sequence).</li>
 * </ul>
 * The parts' bodies are copied into one buffer: chains carry small requests (a WRITE of a small
 * file at most), and the padding after a WRITE's data has to follow it in the same frame.
 * Stateless; called on the event loop.
 */
final class ChainEncoder {
    private ChainEncoder() {
    }

    /** MS-SMB2 3.1.5.2: the chain's whole charge, the sum of its parts' (1 each without multi-credit). */
    static int charge(List<Exchange> parts, boolean multiCredit) {
        int total = 0;
        for (Exchange x : parts) {
            total += multiCredit ? x.body.creditCharge() : 1;
        }
        return total;
    }

    /**
     * Asks the scheduler for the whole chain at once ({@link CreditScheduler#tryAcquireChain}; {@code
     * headCharge} 0 for the head of the queue, else what the head waits for); on
     * success sets each part's charge and its own message id (consecutive, in order).
     *
     * @return the first message id, or {@link CreditScheduler#WAIT} / {@link CreditScheduler#NEVER}
     */
    static long acquire(CreditScheduler credits, List<Exchange> parts, boolean multiCredit, int headCharge) {
        int[] charges = new int[parts.size()];
        long[] payloads = new long[parts.size()];
        for (int i = 0; i < charges.length; i++) {
            charges[i] = multiCredit ? parts.get(i).body.creditCharge() : 1;
            payloads[i] = parts.get(i).payload;
        }
        long first = credits.tryAcquireChain(charges, payloads, headCharge);
        if (first >= 0) {
            long mid = first;
            for (int i = 0; i < charges.length; i++) {
                Exchange x = parts.get(i);
                x.charge = charges[i];
                x.messageId = mid;
                mid += charges[i];
            }
        }
        return first;
    }

    /**
     * @param dialect the negotiated dialect: each body is encoded for it, as {@link MessageEncoder} does
     * @return the chain as one buffer (plaintext; see {@link MessageEncoder#wrap}); the caller owns it
     * @throws RuntimeException whatever encoding or signing threw; nothing is leaked
     */
    static ByteBuf encode(ByteBufAllocator alloc, List<Exchange> parts, int creditRequest, boolean multiCredit, Dialect dialect) {
        return encode(alloc, parts, creditRequest, multiCredit, dialect, 0);
    }

    /** As {@link #encode(ByteBufAllocator, List, int, boolean, Dialect)}, each header with the connection's channel sequence. */
    static ByteBuf encode(ByteBufAllocator alloc, List<Exchange> parts, int creditRequest, boolean multiCredit, Dialect dialect,
            int channelSequence) {
        long size = 0;
        for (Exchange x : parts) {
            size += 256 + Math.max(0, x.payload);
        }
        ByteBuf out = alloc.ioBuffer((int) Math.min(size, 1 << 24));
        try {
            int last = parts.size() - 1;
            for (int i = 0; i <= last; i++) {
                Exchange x = parts.get(i);
                int start = out.writerIndex();
                int flags = (i == 0 ? 0 : Smb2Header.FLAG_RELATED_OPERATIONS) | MessageEncoder.replayFlag(x, dialect);
                int credits = i == 0 ? creditRequest : Math.max(1, x.charge);
                new Smb2Header(multiCredit ? x.charge : 0, MessageEncoder.channelSequenceField(dialect, channelSequence), x.command(),
                        credits, flags, 0, x.messageId, 0, 0, x.treeId, x.sessionId, null).encode(out);
                x.bodyFor(dialect).encode(out);
                if (i < last) {
                    out.writeZero((8 - ((out.writerIndex() - start) & 7)) & 7); // 8-byte alignment of the next header
                    out.setIntLE(start + Smb2Header.OFFSET_NEXT_COMMAND, out.writerIndex() - start);
                }
                if (x.sign && !x.encrypt) {
                    x.security.sign(out.slice(start, out.writerIndex() - start));
                }
            }
            return out;
        } catch (RuntimeException e) {
            ReferenceCountUtil.release(out);
            throw e;
        }
    }
}
