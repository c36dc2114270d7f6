package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.List;
import dev.smbco.client.NoLeaks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The transform stage between framing and engine, with a toy cipher (52-byte header + XOR). */
@ExtendWith(NoLeaks.class)
class TransformHandlerTest {
    private static final long SESSION = 0x1122334455667788L;

    /** "Encrypts" by prefixing a 52-byte transform header (ProtocolId, SessionId) and XOR-ing the message. */
    private static final class XorSecurity implements MessageSecurity {
        @Override
        public void sign(ByteBuf message) {
        }

        @Override
        public boolean verify(ByteBuf message) {
            return true;
        }

        @Override
        public boolean canEncrypt() {
            return true;
        }

        @Override
        public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
            ByteBuf out = alloc.buffer(52 + plain.readableBytes());
            out.writeIntLE(Smb2Header.TRANSFORM_PROTOCOL_ID).writeZero(40).writeLongLE(sessionId);
            for (int i = plain.readerIndex(); i < plain.writerIndex(); i++) {
                out.writeByte(plain.getByte(i) ^ 0x5A);
            }
            return out;
        }

        @Override
        public ByteBuf decrypt(ByteBuf frame) {
            if (frame.getByte(frame.readerIndex() + 4) != 0) {
                throw new IllegalArgumentException("bad tag");
            }
            ByteBuf out = Unpooled.buffer(frame.readableBytes() - 52);
            for (int i = frame.readerIndex() + 52; i < frame.writerIndex(); i++) {
                out.writeByte(frame.getByte(i) ^ 0x5A);
            }
            return out;
        }
    }

    private static ByteBuf framed(ByteBuf frame) {
        ByteBuf b = Unpooled.buffer().writeInt(frame.readableBytes()).writeBytes(frame);
        frame.release();
        return b;
    }

    @Test
    void encryptedExchangesGoOutSealedAndTheirSealedResponsesAreDecryptedAndMatched() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        XorSecurity sec = new XorSecurity();
        h.engine.registerSession(SESSION, sec);
        RecordingHandler r = new RecordingHandler();
        h.engine.submit(new Exchange(new TestBody(Command.ECHO), SESSION, 0, sec, false, true, "ECHO", r));
        ByteBuf wire = Unpooled.buffer();
        for (Object o; (o = h.channel.readOutbound()) != null; ) {
            wire.writeBytes((ByteBuf) o);
            ((ByteBuf) o).release();
        }
        wire.skipBytes(4);
        assertThat(wire.getIntLE(wire.readerIndex())).isEqualTo(Smb2Header.TRANSFORM_PROTOCOL_ID);
        ByteBuf plainRequest = sec.decrypt(wire);
        Smb2Header request = Smb2Header.decode(plainRequest);
        plainRequest.release();
        wire.release();
        assertThat(request.command()).isEqualTo(Command.ECHO);

        ByteBuf response = Unpooled.buffer();
        new Smb2Header(1, 0, Command.ECHO, 5, Smb2Header.FLAG_SERVER_TO_REDIR, 0, request.messageId(), 0, 0, 0, SESSION, null)
                .encode(response);
        response.writeShortLE(4).writeShortLE(0);
        h.feedFragmented(framed(sec.encrypt(ByteBufAllocator.DEFAULT, response, SESSION)));
        response.release();
        assertThat(r.responses).hasSize(1);
        assertThat(r.failures).isEmpty();
        assertFalse(h.channel.finish());
    }

    @Test
    void aPlainResponseToAnEncryptedRequestIsAProtocolError() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        XorSecurity sec = new XorSecurity();
        h.engine.registerSession(SESSION, sec);
        RecordingHandler r = new RecordingHandler();
        h.engine.submit(new Exchange(new TestBody(Command.ECHO), SESSION, 0, sec, false, true, "ECHO", r));
        for (Object o; (o = h.channel.readOutbound()) != null; ) {
            ((ByteBuf) o).release();
        }
        Smb2Header req = new Smb2Header(0, 0, Command.ECHO, 0, 0, 0, 0, 0, 0, 0, SESSION, null);
        h.channel.writeInbound(EngineHarness.ok(req, 1));
        assertThat(r.failures).singleElement().isInstanceOf(SmbProtocolException.class);
        assertThat(r.failures.get(0)).hasMessageContaining("unencrypted response");
        assertThat(h.channel.isOpen()).isFalse();
        assertFalse(h.channel.finish());
    }

    @Test
    void aFrameForAnUnknownSessionOrThatFailsToDecryptTearsTheConnectionDown() {
        for (long session : List.of(SESSION, 99L)) {
            EngineHarness h = new EngineHarness(64, 1 << 20);
            XorSecurity sec = new XorSecurity();
            h.engine.registerSession(SESSION, sec);
            RecordingHandler r = new RecordingHandler();
            h.submit(Command.NEGOTIATE, 0, r);
            for (Object o; (o = h.channel.readOutbound()) != null; ) {
                ((ByteBuf) o).release();
            }
            ByteBuf bogus = Unpooled.buffer().writeIntLE(Smb2Header.TRANSFORM_PROTOCOL_ID).writeByte(1).writeZero(39)
                    .writeLongLE(session).writeZero(64);
            h.channel.writeInbound(framed(bogus));
            assertThat(r.failures).singleElement().isInstanceOf(SmbConnectionLostException.class);
            assertThat(r.failures.get(0).getCause()).isInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining(session == 99L ? "unknown session" : "cannot decrypt");
            assertFalse(h.channel.finish());
        }
    }
}
