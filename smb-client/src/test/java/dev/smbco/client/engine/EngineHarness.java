package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/** An engine on an EmbeddedChannel, with helpers to read what it sent and feed it responses. */
final class EngineHarness {
    final EmbeddedChannel channel = new EmbeddedChannel();
    final SmbEngine engine;

    EngineHarness(int creditTarget, long memoryBudget) {
        engine = SmbPipeline.install(channel, "test:445", 1 << 20, creditTarget, memoryBudget);
        engine.credits().clock(CreditSchedulerTest.jumpingClock()); // only small requests in flight make large I/O step back
    }

    /** Every SMB2 header the engine wrote since the last call (frames parsed from the byte stream). */
    List<Smb2Header> sent() {
        ByteBuf all = Unpooled.buffer();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            all.writeBytes(b);
            b.release();
        }
        List<Smb2Header> headers = new ArrayList<>();
        while (all.isReadable()) {
            assertThat(all.readUnsignedByte()).isZero();
            int len = all.readUnsignedMedium();
            ByteBuf msg = all.readSlice(len);
            headers.add(Smb2Header.decode(msg));
        }
        return headers;
    }

    /** A Direct TCP framed response (header + 4-byte body) answering {@code request}. */
    static ByteBuf response(Smb2Header request, int status, int credits, int flags, long asyncId) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(Smb2Header.SIZE + 4);
        responseMessage(b, request, status, credits, flags, asyncId, 0);
        return b;
    }

    static void responseMessage(ByteBuf b, Smb2Header request, int status, int credits, int flags, long asyncId, int next) {
        int start = b.writerIndex();
        new Smb2Header(1, status, request.command(), credits, flags | Smb2Header.FLAG_SERVER_TO_REDIR, next,
                request.messageId(), asyncId, 0, request.treeId(), request.sessionId(), null).encode(b);
        b.writeShortLE(4);
        b.writeShortLE(0);
        while (next != 0 && b.writerIndex() - start < next) {
            b.writeByte(0);
        }
    }

    static ByteBuf ok(Smb2Header request, int credits) {
        return response(request, 0, credits, 0, 0);
    }

    Exchange submit(Command command, long payload, RecordingHandler handler) {
        Exchange x = new Exchange(new TestBody(command, payload), 0, 0, null, false, false, command.name() + " test", handler);
        engine.submit(x);
        return x;
    }

    /** Feeds bytes one at a time, as a network might fragment them. */
    void feedFragmented(ByteBuf bytes) {
        while (bytes.isReadable()) {
            channel.writeInbound(bytes.readRetainedSlice(1));
        }
        bytes.release();
    }
}
