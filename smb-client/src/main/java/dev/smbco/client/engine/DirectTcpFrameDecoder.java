package dev.smbco.client.engine;

import dev.smbco.client.SmbProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * MS-SMB2 2.1 Direct TCP transport: each SMB2 message (or compound, or transform frame) is
 * preceded by a 4-byte header, one zero byte and a 24-bit big-endian StreamProtocolLength.
 *
 * <p>An explicit two-state decoder: {@link State#HEADER} waits for the 4 header bytes, checks the
 * zero byte and the length against the configured maximum; {@link State#BODY} waits for the whole
 * frame and passes a retained slice on (no copy; the next handler releases it). A non-zero first
 * byte means the peer does not speak Direct TCP (an HTTP server answers {@code 'H'}), which is
 * reported as a protocol error rather than waiting for megabytes that never come.
 */
public final class DirectTcpFrameDecoder extends ByteToMessageDecoder {
    /** Bytes of the Direct TCP header. */
    public static final int HEADER_SIZE = 4;
    /** The largest length 24 bits can express. */
    public static final int MAX_STREAM_LENGTH = 0xFFFFFF;
    /** An SMB2 header is the smallest frame we can use (a transform header is larger). */
    private static final int MIN_FRAME = 64;

    /**
     * Frames above this are gathered into a buffer of their own (one copy, no regrowth), taken
     * from {@link FrameBuffers} so that a stream of large READ responses reuses a few buffers.
     */
    static final int LARGE_FRAME = 64 * 1024;
    /**
     * Room left after a large frame: GCM decryption puts the tag there instead of moving the
     * whole ciphertext (MessageDecryptor.decrypt).
     */
    static final int DECRYPT_ROOM = 16;
    /** Large-frame buffers kept for reuse per connection (a download keeps about two busy). */
    static final int POOLED_FRAMES = 4;

    private enum State { HEADER, BODY, LARGE_BODY }

    private final int maxFrameSize;
    private FrameBuffers buffers;
    private State state = State.HEADER;
    private int frameLength;
    private ByteBuf large;

    public DirectTcpFrameDecoder(int maxFrameSize) {
        if (maxFrameSize < MIN_FRAME || maxFrameSize > MAX_STREAM_LENGTH) {
            throw new IllegalArgumentException("maxFrameSize " + maxFrameSize + " outside " + MIN_FRAME + ".." + MAX_STREAM_LENGTH);
        }
        this.maxFrameSize = maxFrameSize;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        buffers = new FrameBuffers(ctx.alloc(), POOLED_FRAMES);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (large != null) {
            large.release();
            large = null;
        }
        buffers.close();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (true) {
            switch (state) {
                case HEADER -> {
                    if (in.readableBytes() < HEADER_SIZE) {
                        return;
                    }
                    int zero = in.getUnsignedByte(in.readerIndex());
                    if (zero != 0) {
                        in.skipBytes(in.readableBytes());
                        throw new SmbProtocolException(String.format(
                                "peer does not speak SMB over Direct TCP: first byte 0x%02X, expected 0x00 (is this an SMB server?)", zero));
                    }
                    int length = in.getUnsignedMedium(in.readerIndex() + 1);
                    if (length < MIN_FRAME || length > maxFrameSize) {
                        in.skipBytes(in.readableBytes());
                        throw new SmbProtocolException("Direct TCP StreamProtocolLength " + length + " outside " + MIN_FRAME + ".." + maxFrameSize);
                    }
                    in.skipBytes(HEADER_SIZE);
                    frameLength = length;
                    if (length > LARGE_FRAME && in.readableBytes() < length) {
                        large = buffers.lend(length + DECRYPT_ROOM);
                        state = State.LARGE_BODY;
                    } else {
                        state = State.BODY;
                    }
                }
                case BODY -> {
                    if (in.readableBytes() < frameLength) {
                        return;
                    }
                    out.add(in.readRetainedSlice(frameLength));
                    state = State.HEADER;
                }
                case LARGE_BODY -> {
                    int n = Math.min(in.readableBytes(), frameLength - large.readableBytes());
                    large.writeBytes(in, n);
                    if (large.readableBytes() < frameLength) {
                        return;
                    }
                    out.add(large);
                    large = null;
                    state = State.HEADER;
                }
            }
        }
    }
}
