package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.SmbProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import java.nio.charset.StandardCharsets;
import dev.smbco.client.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeaks.class)
class DirectTcpFrameDecoderTest {

    private static ByteBuf frame(int length, int fill) {
        ByteBuf b = Unpooled.buffer();
        b.writeByte(0).writeMedium(length);
        for (int i = 0; i < length; i++) {
            b.writeByte(fill);
        }
        return b;
    }

    @Test
    void reassemblesFramesFedOneByteAtATime() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpFrameDecoder(4096));
        ByteBuf two = Unpooled.wrappedBuffer(frame(100, 1), frame(64, 2));
        while (two.isReadable()) {
            ch.writeInbound(two.readRetainedSlice(1));
        }
        two.release();
        ByteBuf a = ch.readInbound();
        ByteBuf b = ch.readInbound();
        assertThat(a.readableBytes()).isEqualTo(100);
        assertThat(a.getByte(99)).isEqualTo((byte) 1);
        assertThat(b.readableBytes()).isEqualTo(64);
        assertThat(b.getByte(0)).isEqualTo((byte) 2);
        a.release();
        b.release();
        assertFalse(ch.finish());
    }

    @Test
    void aLargeFrameIsGatheredAcrossManyReadsFollowedByASmallOne() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpFrameDecoder(1 << 20));
        ByteBuf big = frame(200_000, 7);
        big.setByte(4 + 199_999, 9);
        ByteBuf stream = Unpooled.wrappedBuffer(big, frame(64, 5));
        while (stream.isReadable()) {
            ch.writeInbound(stream.readRetainedSlice(Math.min(1000, stream.readableBytes())));
        }
        stream.release();
        ByteBuf a = ch.readInbound();
        ByteBuf b = ch.readInbound();
        assertThat(a.readableBytes()).isEqualTo(200_000);
        assertThat(a.getByte(0)).isEqualTo((byte) 7);
        assertThat(a.getByte(199_999)).isEqualTo((byte) 9);
        assertThat(b.readableBytes()).isEqualTo(64);
        a.release();
        b.release();
        assertFalse(ch.finish());
    }

    /** Large frames reuse a receive buffer once its reader let go of it, and never one still held. */
    @Test
    void largeFrameBuffersAreReusedOnlyOnceReleased() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpFrameDecoder(1 << 20));
        feedInPieces(ch, frame(200_000, 1));
        ByteBuf first = ch.readInbound();
        ByteBuf held = first.retainedSlice(100, 1000); // READ data a caller has not released yet
        first.release();
        feedInPieces(ch, frame(200_000, 2));
        ByteBuf second = ch.readInbound();
        assertThat(second.memoryAddress()).as("a buffer still referenced is not lent again").isNotEqualTo(first.memoryAddress());
        assertThat(held.getByte(0)).isEqualTo((byte) 1);
        assertThat(held.getByte(999)).isEqualTo((byte) 1);
        long firstAddress = first.memoryAddress();
        held.release();
        second.release();
        feedInPieces(ch, frame(150_000, 3)); // fits a free buffer (not more than twice its size)
        ByteBuf third = ch.readInbound();
        assertThat(third.memoryAddress()).isIn(firstAddress, second.memoryAddress());
        assertThat(third.readableBytes()).isEqualTo(150_000);
        assertThat(third.getByte(149_999)).isEqualTo((byte) 3);
        third.release();
        assertFalse(ch.finish()); // NoLeaks: the pool gave its buffers back
    }

    private static void feedInPieces(EmbeddedChannel ch, ByteBuf stream) {
        while (stream.isReadable()) {
            ch.writeInbound(stream.readRetainedSlice(Math.min(30_000, stream.readableBytes())));
        }
        stream.release();
    }

    @Test
    void aHalfReceivedLargeFrameIsReleasedWhenTheChannelCloses() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpFrameDecoder(1 << 20));
        ByteBuf partial = frame(100_000, 1);
        ch.writeInbound(partial.readRetainedSlice(50_000));
        partial.release();
        assertFalse(ch.finish()); // PARANOID leak detection would report the gathering buffer otherwise
    }

    @Test
    void twoFramesInOneReadComeOutSeparately() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpFrameDecoder(4096));
        ch.writeInbound(Unpooled.wrappedBuffer(frame(70, 3), frame(80, 4)));
        ByteBuf a = ch.readInbound();
        ByteBuf b = ch.readInbound();
        assertThat(a.readableBytes()).isEqualTo(70);
        assertThat(b.readableBytes()).isEqualTo(80);
        a.release();
        b.release();
        assertFalse(ch.finish());
    }

    @Test
    void oversizedFrameIsAProtocolError() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpFrameDecoder(4096));
        ByteBuf big = Unpooled.buffer().writeByte(0).writeMedium(5000);
        assertThatThrownBy(() -> ch.writeInbound(big))
                .isInstanceOf(DecoderException.class)
                .cause().isInstanceOf(SmbProtocolException.class).hasMessageContaining("5000");
        assertFalse(ch.finish());
    }

    @Test
    void anHttpAnswerIsRecognisedAsNotSmb() {
        EmbeddedChannel ch = new EmbeddedChannel(new DirectTcpFrameDecoder(4096));
        ByteBuf http = Unpooled.copiedBuffer("HTTP/1.1 400 Bad Request\r\n\r\n", StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> ch.writeInbound(http))
                .cause().isInstanceOf(SmbProtocolException.class).hasMessageContaining("0x48");
        assertFalse(ch.finish());
    }
}
