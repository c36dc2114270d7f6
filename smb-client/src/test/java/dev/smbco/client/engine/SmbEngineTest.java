package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import dev.smbco.client.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NoLeaks.class)
class SmbEngineTest {

    @Test
    void negotiateGoesOutWithMessageIdZeroAndItsResponseIsDeliveredFromFragments() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler r = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, r);
        List<Smb2Header> sent = h.sent();
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).messageId()).isZero();
        assertThat(sent.get(0).command()).isEqualTo(Command.NEGOTIATE);
        assertThat(sent.get(0).credits()).isEqualTo(64); // asks to climb to the credit target
        h.feedFragmented(EngineHarness.ok(sent.get(0), 10));
        assertThat(r.responses).hasSize(1);
        assertThat(r.sizes).containsExactly(Smb2Header.SIZE + 4);
        assertThat(h.engine.credits().available()).isEqualTo(10);
        assertThat(h.engine.pendingCount()).isZero();
        assertFalse(h.channel.finish());
    }

    /** MS-SMB2 2.2: after NEGOTIATE the engine encodes each body for the dialect; fields 2.0.2 reserves go out as 0. */
    @Test
    void bodiesAreEncodedForTheNegotiatedDialect() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        h.engine.dialect(dev.smbco.protocol.Dialect.SMB2_02);
        dev.smbco.protocol.smb2.FileId fid = new dev.smbco.protocol.smb2.FileId(1, 2);
        RecordingHandler r = new RecordingHandler();
        h.engine.submit(new Exchange(new dev.smbco.protocol.smb2.ReadRequest(0, dev.smbco.protocol.smb2.ReadRequest.UNBUFFERED,
                4096, 0, fid, 0, 7, 0), 0, 0, null, false, false, "READ test", r));
        ByteBuf out = Unpooled.buffer();
        for (Object o; (o = h.channel.readOutbound()) != null; ) {
            ByteBuf b = (ByteBuf) o;
            out.writeBytes(b);
            b.release();
        }
        try {
            int body = 4 + Smb2Header.SIZE;
            assertThat(out.getUnsignedShortLE(body)).as("a READ went out").isEqualTo(49);
            assertThat(out.getUnsignedByte(body + 3)).as("READ Flags, reserved in 2.0.2").isZero();
            assertThat(out.getIntLE(body + 36)).as("READ Channel, reserved in 2.0.2").isZero();
        } finally {
            out.release();
        }
        h.channel.close();
    }

    @Test
    void requestsWaitFifoForCreditsAndNeverFail() {
        EngineHarness h = new EngineHarness(64, 1 << 30);
        RecordingHandler a = new RecordingHandler();
        RecordingHandler b = new RecordingHandler();
        RecordingHandler c = new RecordingHandler();
        h.submit(Command.ECHO, 0, a);
        h.submit(Command.ECHO, 0, b);
        h.submit(Command.ECHO, 0, c);
        List<Smb2Header> first = h.sent();
        assertThat(first).hasSize(1); // one credit at the start
        assertThat(h.engine.waitingCount()).isEqualTo(2);
        h.channel.writeInbound(EngineHarness.ok(first.get(0), 2));
        List<Smb2Header> next = h.sent();
        assertThat(next).extracting(Smb2Header::messageId).containsExactly(1L, 2L);
        h.channel.writeInbound(EngineHarness.ok(next.get(1), 1));
        h.channel.writeInbound(EngineHarness.ok(next.get(0), 1));
        assertThat(a.responses).hasSize(1);
        assertThat(b.responses).hasSize(1);
        assertThat(c.responses).hasSize(1);
        assertThat(a.failures).isEmpty();
        assertFalse(h.channel.finish());
    }

    @Test
    void largeRequestsChargeOneCreditPer64KiBWhenMultiCreditIsOn() {
        EngineHarness h = new EngineHarness(512, 1L << 30);
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 100));
        h.engine.multiCredit(true);
        RecordingHandler r1 = new RecordingHandler();
        RecordingHandler r2 = new RecordingHandler();
        h.submit(Command.READ, 1 << 20, r1);      // 16 credits
        h.submit(Command.READ, (1 << 20) + 1, r2); // 17 credits
        List<Smb2Header> sent = h.sent();
        assertThat(sent).extracting(Smb2Header::creditCharge).containsExactly(16, 17);
        assertThat(sent).extracting(Smb2Header::messageId).containsExactly(1L, 17L);
        assertThat(h.engine.credits().available()).isEqualTo(100 - 33);
        h.channel.writeInbound(EngineHarness.ok(sent.get(0), 16));
        h.channel.writeInbound(EngineHarness.ok(sent.get(1), 17));
        assertThat(h.engine.credits().available()).isEqualTo(100);
        assertFalse(h.channel.finish());
    }

    @Test
    void theMemoryBudgetHoldsBackTransfersUntilEarlierOnesFinish() {
        EngineHarness h = new EngineHarness(512, (2 << 20) + (2 << 20) / 15); // 1/16 of it is kept for small requests
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 200));
        h.engine.multiCredit(true);
        RecordingHandler r = new RecordingHandler();
        for (int i = 0; i < 3; i++) {
            h.submit(Command.WRITE, 1 << 20, r);
        }
        List<Smb2Header> sent = h.sent();
        assertThat(sent).hasSize(2);
        h.channel.writeInbound(EngineHarness.ok(sent.get(0), 16));
        List<Smb2Header> third = h.sent();
        assertThat(third).hasSize(1);
        h.channel.writeInbound(EngineHarness.ok(sent.get(1), 16));
        h.channel.writeInbound(EngineHarness.ok(third.get(0), 16));
        assertThat(r.responses).hasSize(3);
        assertFalse(h.channel.finish());
    }

    @Test
    void compoundResponsesAreSplitAndMatchedOneByOne() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 5));
        RecordingHandler a = new RecordingHandler();
        RecordingHandler b = new RecordingHandler();
        h.submit(Command.CREATE, 0, a);
        h.submit(Command.CLOSE, 0, b);
        List<Smb2Header> sent = h.sent();
        ByteBuf body = Unpooled.buffer();
        EngineHarness.responseMessage(body, sent.get(1), 0, 1, 0, 0, 72);
        EngineHarness.responseMessage(body, sent.get(0), 0, 1, 0, 0, 0);
        ByteBuf frame = Unpooled.buffer().writeInt(body.readableBytes()).writeBytes(body);
        body.release();
        h.feedFragmented(frame);
        assertThat(a.responses).hasSize(1);
        assertThat(b.responses).hasSize(1);
        assertThat(b.sizes).containsExactly(72);
        assertThat(a.sizes).containsExactly(68);
        assertFalse(h.channel.finish());
    }

    @Test
    void interimPendingKeepsTheRequestAndCancelNamesItsAsyncId() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 5));
        RecordingHandler r = new RecordingHandler();
        Exchange x = h.submit(Command.CHANGE_NOTIFY, 0, r);
        Smb2Header req = h.sent().get(0);
        h.channel.writeInbound(EngineHarness.response(req, SmbEngine.STATUS_PENDING, 1, Smb2Header.FLAG_ASYNC_COMMAND, 0x77));
        assertThat(r.interims).containsExactly(0x77L);
        assertThat(r.outcomes()).isZero();
        assertThat(x.phase()).isEqualTo(Exchange.Phase.ASYNC);
        assertThat(h.engine.cancel(x)).isTrue();
        Smb2Header cancel = h.sent().get(0);
        assertThat(cancel.command()).isEqualTo(Command.CANCEL);
        assertThat(cancel.isAsync()).isTrue();
        assertThat(cancel.asyncId()).isEqualTo(0x77L);
        h.channel.writeInbound(EngineHarness.response(req, 0xC0000120, 0, Smb2Header.FLAG_ASYNC_COMMAND, 0x77));
        assertThat(r.responses).extracting(Smb2Header::status).containsExactly(0xC0000120);
        assertFalse(h.channel.finish());
    }

    @Test
    void failAllFailsEveryPendingAndQueuedRequestOnceAndLaterSendsFailFast() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 2));
        RecordingHandler sent1 = new RecordingHandler();
        RecordingHandler sent2 = new RecordingHandler();
        RecordingHandler queued = new RecordingHandler();
        h.submit(Command.READ, 0, sent1);
        h.submit(Command.READ, 0, sent2);
        h.submit(Command.READ, 0, queued);
        assertThat(h.sent()).hasSize(2);
        h.channel.close();
        for (RecordingHandler r : List.of(sent1, sent2, queued)) {
            assertThat(r.failures).hasSize(1);
            assertThat(r.responses).isEmpty();
            assertThat(r.failures.get(0)).isInstanceOf(SmbConnectionLostException.class);
        }
        assertThat(((SmbConnectionLostException) sent1.failures.get(0)).wasSent()).isTrue();
        assertThat(((SmbConnectionLostException) queued.failures.get(0)).wasSent()).isFalse();
        RecordingHandler late = new RecordingHandler();
        h.submit(Command.ECHO, 0, late);
        assertThat(late.failures).hasSize(1);
        assertThat(late.failures.get(0)).isInstanceOf(SmbConnectionLostException.class).hasMessageContaining("never sent");
        assertThat(h.engine.pendingCount()).isZero();
        assertThat(h.engine.waitingCount()).isZero();
        assertFalse(h.channel.finish());
    }

    @Test
    void aResponseForAnUnknownMessageIdTearsTheConnectionDown() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler r = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, r);
        Smb2Header req = h.sent().get(0);
        Smb2Header bogus = new Smb2Header(0, 0, Command.NEGOTIATE, 1, 0, 0, 99, 0, 0, 0, 0, null);
        h.channel.writeInbound(EngineHarness.ok(bogus, 1));
        assertThat(h.channel.isOpen()).isFalse();
        assertThat(r.failures).hasSize(1);
        assertThat(r.failures.get(0)).isInstanceOf(SmbConnectionLostException.class).hasCauseInstanceOf(SmbProtocolException.class);
        assertThat(req.messageId()).isZero();
        assertFalse(h.channel.finish());
    }

    @Test
    void aBadSignatureFailsThatRequestWithAProtocolErrorAndClosesTheConnection() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 5));
        RecordingHandler signedReq = new RecordingHandler();
        RecordingHandler bystander = new RecordingHandler();
        h.engine.submit(new Exchange(new TestBody(Command.ECHO), 7, 0, new RejectingSecurity(), true, false, "ECHO", signedReq));
        h.submit(Command.READ, 0, bystander);
        List<Smb2Header> sent = h.sent();
        assertThat(sent.get(0).isSigned()).isTrue();
        h.channel.writeInbound(EngineHarness.response(sent.get(0), 0, 1, Smb2Header.FLAG_SIGNED, 0));
        assertThat(signedReq.failures).hasSize(1);
        assertThat(signedReq.failures.get(0)).isInstanceOf(SmbProtocolException.class).hasMessageContaining("bad signature");
        assertThat(bystander.failures).singleElement().isInstanceOf(SmbConnectionLostException.class);
        assertThat(h.channel.isOpen()).isFalse();
        assertFalse(h.channel.finish());
    }

    @Test
    void anAbandonedRequestsLateResponseStillGrantsCredits() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler n = new RecordingHandler();
        h.submit(Command.NEGOTIATE, 0, n);
        h.channel.writeInbound(EngineHarness.ok(h.sent().get(0), 1));
        RecordingHandler r = new RecordingHandler();
        Exchange x = h.submit(Command.READ, 0, r);
        Smb2Header req = h.sent().get(0);
        h.engine.abandon(x);
        assertThat(h.sent()).extracting(Smb2Header::command).containsExactly(Command.CANCEL);
        h.channel.writeInbound(EngineHarness.ok(req, 3));
        assertThat(r.outcomes()).isZero();
        assertThat(h.engine.credits().available()).isEqualTo(3);
        assertThat(h.channel.isOpen()).isTrue();
        assertFalse(h.channel.finish());
    }

    /** Signs by setting the flag; rejects every signature it is asked to verify. */
    private static final class RejectingSecurity extends TestSecurity {
        @Override
        public void sign(ByteBuf message) {
            message.setIntLE(message.readerIndex() + Smb2Header.OFFSET_FLAGS,
                    message.getIntLE(message.readerIndex() + Smb2Header.OFFSET_FLAGS) | Smb2Header.FLAG_SIGNED);
        }
    }
}
