package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.internal.SessionSecurity;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.crypto.MessageSigner;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import dev.smbco.protocol.crypto.TailDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayDeque;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Large signed responses are digested off the event loop and checked back on it: until then the
 * request stays pending (no credits, no completion); a bad signature, or a drop in between, ends
 * it exactly as it would have ended with the check on the loop; nothing leaks.
 */
@ExtendWith(NoLeaks.class)
class OffLoopVerifyTest {
    private static final byte[] KEY = new byte[] {9, 8, 7, 6, 5, 4, 3, 2, 1, 0, 1, 2, 3, 4, 5, 6};
    private static final int BODY = ResponseSecurity.OFF_LOOP_VERIFY + 10_007;

    private final EngineHarness h = new EngineHarness(64, 1 << 22);
    private final ArrayDeque<Runnable> offLoop = new ArrayDeque<>();
    private final SessionSecurity security = new SessionSecurity(MessageSigner.create(SigningAlgorithm.AES_GMAC, KEY), null);

    OffLoopVerifyTest() {
        h.engine.offLoopExecutor(offLoop::add);
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 1));
    }

    private Smb2Header sendSignedRead(RecordingHandler handler) {
        h.engine.submit(new Exchange(new TestBody(Command.READ, 0), 7, 0, security, true, false, "READ test", handler));
        Smb2Header req = h.sent().get(0);
        assertThat(req.isSigned()).isTrue();
        return req;
    }

    /** A signed READ response of BODY bytes as the server would send it, Direct TCP framed. */
    private static ByteBuf signedResponse(Smb2Header req, int credits, boolean corrupt) {
        ByteBuf msg = Unpooled.directBuffer(Smb2Header.SIZE + BODY);
        new Smb2Header(1, 0, Command.READ, credits, Smb2Header.FLAG_SERVER_TO_REDIR, 0, req.messageId(), 0, 0, req.treeId(),
                req.sessionId(), null).encode(msg);
        byte[] body = new byte[BODY];
        new Random(1).nextBytes(body);
        msg.writeBytes(body);
        MessageSigner.create(SigningAlgorithm.AES_GMAC, KEY).sign(msg);
        if (corrupt) {
            msg.setByte(msg.writerIndex() - 1, msg.getByte(msg.writerIndex() - 1) ^ 1);
        }
        return Unpooled.wrappedBuffer(Unpooled.buffer(4).writeInt(msg.readableBytes()), msg);
    }

    private void runOffLoop() {
        for (Runnable r; (r = offLoop.poll()) != null; ) {
            r.run();
        }
        h.channel.runPendingTasks();
    }

    @Test
    void aGoodSignatureCompletesTheRequestOnceTheDigestIsBack() {
        RecordingHandler r = new RecordingHandler();
        Smb2Header req = sendSignedRead(r);
        h.channel.writeInbound(signedResponse(req, 5, false));
        assertThat(offLoop).hasSize(1);
        assertThat(r.outcomes()).as("nothing decided before the check").isZero();
        assertThat(h.engine.pendingCount()).isEqualTo(1);
        int before = h.engine.credits().available();
        runOffLoop();
        assertThat(r.failures).isEmpty();
        assertThat(r.sizes).containsExactly(Smb2Header.SIZE + BODY);
        assertThat(h.engine.credits().available()).isEqualTo(before + 5);
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.channel.isOpen()).isTrue();
        assertFalse(h.channel.finish());
    }

    @Test
    void aBadSignatureFailsTheRequestAndClosesTheConnection() {
        RecordingHandler r = new RecordingHandler();
        RecordingHandler bystander = new RecordingHandler();
        Smb2Header req = sendSignedRead(r);
        h.submit(Command.ECHO, 0, bystander);
        h.channel.writeInbound(signedResponse(req, 5, true));
        runOffLoop();
        assertThat(r.responses).isEmpty();
        assertThat(r.failures).singleElement().isInstanceOf(SmbProtocolException.class)
                .extracting(Throwable::getMessage).asString().contains("bad signature");
        assertThat(bystander.failures).singleElement().isInstanceOf(SmbConnectionLostException.class);
        assertThat(h.channel.isOpen()).isFalse();
        assertFalse(h.channel.finish());
    }

    /**
     * An Error off the loop (Netty's OutOfDirectMemoryError is one) must not strand the request:
     * it fails within its deadline as a protocol error, the connection goes (the response's
     * credits were never granted), nothing leaks and no credit stays in flight.
     */
    @Test
    void anErrorWhileDigestingFailsTheRequestAndTheConnectionAndHoldsNothing() {
        MessageSecurity failing = new TestSecurity() {
            @Override
            public void sign(ByteBuf message) {
                security.sign(message);
            }

            @Override
            public boolean digestsTails() {
                return true;
            }

            @Override
            public TailDigest digestTail(ByteBuf tail) {
                throw new OutOfMemoryError("simulated: no direct memory");
            }
        };
        RecordingHandler r = new RecordingHandler();
        h.engine.submit(new Exchange(new TestBody(Command.READ, 0), 7, 0, failing, true, false, "READ test", r));
        Smb2Header req = h.sent().get(0);
        h.channel.writeInbound(signedResponse(req, 5, false));
        runOffLoop();
        assertThat(r.failures).singleElement().isInstanceOf(SmbProtocolException.class)
                .extracting(Throwable::getMessage).asString().contains("no direct memory");
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.engine.credits().inFlightCredits()).isZero();
        assertThat(h.channel.isOpen()).isFalse();
        assertFalse(h.channel.finish());
    }

    @Test
    void aDropWhileTheDigestIsMadeFailsTheRequestOnceAndReleasesTheResponse() {
        RecordingHandler r = new RecordingHandler();
        Smb2Header req = sendSignedRead(r);
        h.channel.writeInbound(signedResponse(req, 5, false));
        h.channel.close();
        assertThat(r.failures).singleElement().isInstanceOf(SmbConnectionLostException.class);
        runOffLoop(); // the digest comes back to a closed engine: dropped, released (NoLeaks)
        assertThat(r.outcomes()).isEqualTo(1);
        assertFalse(h.channel.finish());
    }

    @Test
    void aSecondResponseForTheSameRequestIsAProtocolError() {
        RecordingHandler r = new RecordingHandler();
        Smb2Header req = sendSignedRead(r);
        h.channel.writeInbound(signedResponse(req, 5, false));
        h.channel.writeInbound(signedResponse(req, 5, false));
        assertThat(h.channel.isOpen()).isFalse();
        assertThat(r.failures).singleElement().isInstanceOf(SmbConnectionLostException.class);
        runOffLoop();
        assertThat(r.outcomes()).isEqualTo(1);
        assertFalse(h.channel.finish());
    }

    @Test
    void smallAndUnsignedResponsesAreCheckedOnTheLoopAsBefore() {
        RecordingHandler r = new RecordingHandler();
        Smb2Header req = sendSignedRead(r);
        ByteBuf small = Unpooled.directBuffer(Smb2Header.SIZE + 100);
        new Smb2Header(1, 0, Command.READ, 3, Smb2Header.FLAG_SERVER_TO_REDIR, 0, req.messageId(), 0, 0, req.treeId(),
                req.sessionId(), null).encode(small);
        small.writeZero(100);
        MessageSigner.create(SigningAlgorithm.AES_GMAC, KEY).sign(small);
        h.channel.writeInbound(Unpooled.wrappedBuffer(Unpooled.buffer(4).writeInt(small.readableBytes()), small));
        assertThat(offLoop).isEmpty();
        assertThat(r.sizes).containsExactly(Smb2Header.SIZE + 100);
        assertFalse(h.channel.finish());
    }
}
