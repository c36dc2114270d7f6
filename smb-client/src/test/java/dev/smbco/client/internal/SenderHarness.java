package dev.smbco.client.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.engine.NettyLoop;
import dev.smbco.client.engine.SmbEngine;
import dev.smbco.client.engine.SmbPipeline;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Sender} over a real engine on an EmbeddedChannel with frozen time: read the request
 * headers it wrote, feed it responses. Shared by the tests of the sender, of session expiry and of
 * error messages.
 */
public final class SenderHarness {
    /** A request whose body is the 4-byte minimum (StructureSize + Reserved); only its command matters. */
    public record Body(Command command) implements Smb2Request {
        @Override
        public void encode(ByteBuf out) {
            out.writeShortLE(4);
            out.writeShortLE(0);
        }
    }

    public final EmbeddedChannel channel = new EmbeddedChannel();
    public final SmbEngine engine;
    public final NettyLoop loop;
    public final Sender sender;

    /** @param peer how the engine names its peer in messages, e.g. {@code "test:445"} */
    public SenderHarness(String peer) {
        engine = SmbPipeline.install(channel, peer, 1 << 20, 64, 1 << 20);
        loop = new NettyLoop(channel.eventLoop());
        sender = new Sender(engine, loop);
        channel.freezeTime();
    }

    /** Every SMB2 header the engine wrote since the last call (the frames are released). */
    public List<Smb2Header> sent() {
        ByteBuf all = Unpooled.buffer();
        for (Object o; (o = channel.readOutbound()) != null; ) {
            all.writeBytes((ByteBuf) o);
            ((ByteBuf) o).release();
        }
        List<Smb2Header> headers = new ArrayList<>();
        while (all.isReadable()) {
            all.skipBytes(1);
            headers.add(Smb2Header.decode(all.readSlice(all.readUnsignedMedium())));
        }
        all.release();
        return headers;
    }

    /** Feeds a response to {@code req} (same command, message id, tree and session) with a 4-byte body. */
    public void respond(Smb2Header req, int status, int credits, int flags, long asyncId) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(Smb2Header.SIZE + 4);
        new Smb2Header(1, status, req.command(), credits, flags | Smb2Header.FLAG_SERVER_TO_REDIR, 0, req.messageId(), asyncId, 0,
                req.treeId(), req.sessionId(), null).encode(b);
        b.writeShortLE(4).writeShortLE(0);
        channel.writeInbound(b);
        channel.runPendingTasks();
    }

    /** A synchronous response granting 8 credits. */
    public void respond(Smb2Header req, int status) {
        respond(req, status, 8, 0, 0);
    }

    /** Releases what is still written, then checks the channel ends with nothing left over. */
    public void finish() {
        sent();
        assertFalse(channel.finish());
    }
}
