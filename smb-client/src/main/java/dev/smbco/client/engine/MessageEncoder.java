package dev.smbco.client.engine;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.crypto.TailDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;

/**
 * The send path's steps for one exchange (MS-SMB2 3.2.4.1): the header the connection fills in,
 * the body, then signing (3.2.4.1.1). Encryption (3.2.4.1.8) follows in the pipeline's {@link
 * TransformHandler}. A WRITE - plain, signed or encrypted - goes out without copying its data
 * ({@link SplitBody}).
 * Stateless; called on the event loop.
 */
final class MessageEncoder {
    private MessageEncoder() {
    }

    /**
     * Encodes an exchange whose message id and charge are set.
     *
     * @param dialect the negotiated dialect, or null before NEGOTIATE; the body is encoded {@linkplain
     *                dev.smbco.protocol.Smb2Request#forDialect for it} (a split WRITE has no dialect-dependent field set)
     *
     * @return the message to write (plaintext; see {@link #wrap}); the caller owns it
     * @throws RuntimeException whatever encoding, signing or encryption threw; nothing is leaked
     */
    static ByteBuf encode(ByteBufAllocator alloc, Exchange x, int creditRequest, boolean multiCredit, Dialect dialect) {
        return encode(alloc, x, creditRequest, multiCredit, dialect, 0);
    }

    /**
     * As {@link #encode(ByteBufAllocator, Exchange, int, boolean, Dialect)}, with the connection's
     * channel sequence in the header ({@link #channelSequenceField}).
     */
    static ByteBuf encode(ByteBufAllocator alloc, Exchange x, int creditRequest, boolean multiCredit, Dialect dialect, int channelSequence) {
        // A WRITE's data is never copied: header and fixed body go into a small buffer, the data
        // follows as a retained slice in a composite. Signers MAC the composite's components in
        // place and the encryptor reads them straight into the transform frame. (Copying the
        // data into one buffer first cost an unpooled 8 MiB allocation, zeroed and page-faulted,
        // plus an 8 MiB copy per signed or encrypted WRITE.)
        boolean split = x.body instanceof SplitBody && x.onEncoded == null;
        int capacity = 256 + (!split && x.command() == Command.WRITE ? (int) Math.min(x.payload, 1 << 24) : 0);
        ByteBuf out = alloc.ioBuffer(capacity);
        try {
            Smb2Header header = new Smb2Header(multiCredit ? x.charge : 0, channelSequenceField(dialect, channelSequence), x.command(),
                    creditRequest, replayFlag(x, dialect), 0, x.messageId, 0, 0, x.treeId, x.sessionId, null);
            header.encode(out);
            TailDigest digest = null;
            if (split) {
                SplitBody body = (SplitBody) x.body;
                body.encodeHead(out);
                out = alloc.compositeDirectBuffer(2).addComponents(true, out, body.payload().retainedSlice());
                digest = body.payloadDigest();
            } else {
                x.bodyFor(dialect).encode(out);
            }
            if (x.sign && !x.encrypt) {
                x.security.sign(out, digest); // a WRITE whose data was digested by its producer: a few microseconds here
            }
            if (x.onEncoded != null) {
                x.onEncoded.accept(out);
            }
            return out;
        } catch (RuntimeException e) {
            ReferenceCountUtil.release(out);
            throw e;
        }
    }

    /** What to write for an encoded message: itself, or a {@link TransformHandler.Seal} when the exchange is encrypted. */
    static Object wrap(Exchange x, ByteBuf message) {
        return x.encrypt ? new TransformHandler.Seal(message, x.security, x.sessionId) : message;
    }

    /**
     * MS-SMB2 2.2.30 / 3.2.4.24: a CANCEL naming the exchange by async id once it went async,
     * else by message id; it consumes no credit and takes no message id of its own.
     */
    static ByteBuf encodeCancel(ByteBufAllocator alloc, Exchange x, boolean async) {
        ByteBuf out = alloc.ioBuffer(Smb2Header.SIZE + 4);
        try {
            Smb2Header header = new Smb2Header(0, 0, Command.CANCEL, 0, async ? Smb2Header.FLAG_ASYNC_COMMAND : 0, 0,
                    x.messageId, x.asyncId, 0, x.treeId, x.sessionId, null);
            header.encode(out);
            out.writeShortLE(4);                // StructureSize (2 bytes)
            out.writeShortLE(0);                // Reserved (2 bytes)
            if (x.sign && !x.encrypt) {
                x.security.sign(out);
            }
            return out;
        } catch (RuntimeException e) {
            ReferenceCountUtil.release(out);
            throw e;
        }
    }

    /**
     * The request header's 4 bytes at offset 8 (MS-SMB2 2.2.1.2): on SMB 3.x ChannelSequence (2
     * bytes, little-endian) and Reserved, else Status, which a request sets to 0. The client moves
     * ChannelSequence on with every new transport connection of a reconnection, so a server can tell
     * requests sent before the drop from those sent after it on the same open (3.3.5.2.10).
     */
    static int channelSequenceField(Dialect dialect, int channelSequence) {
        return dialect != null && dialect.isSmb3() ? channelSequence & 0xFFFF : 0;
    }

    /** SMB2_FLAGS_REPLAY_OPERATION for an exchange sent as a replay on SMB 3.x (MS-SMB2 2.2.1.2, 3.2.4.1.1); else 0. */
    static int replayFlag(Exchange x, Dialect dialect) {
        return x.replay && dialect != null && dialect.isSmb3() ? Smb2Header.FLAG_REPLAY_OPERATION : 0;
    }
}
