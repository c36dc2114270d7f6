package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MS-SMB2 3.2.5.1.1 on the receive path: transform frames for unknown sessions or naming another session inside. */
class TransformChecksTest {
    private static final long SESSION = 0x1122334455667788L;

    /** "Decrypts" by returning the message it was given, whatever the frame. */
    private static final class FakeCipher extends TestSecurity {
        private final ByteBuf inner;

        FakeCipher(ByteBuf inner) {
            this.inner = inner;
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
        public ByteBuf decrypt(ByteBuf frame) {
            return inner.retainedDuplicate();
        }
    }

    private static ByteBuf transformFrame(long sessionId) {
        ByteBuf b = Unpooled.buffer();
        b.writeInt(52 + 64 + 4);
        b.writeIntLE(Smb2Header.TRANSFORM_PROTOCOL_ID);
        b.writeZero(16 + 16 + 4 + 2 + 2);           // Signature, Nonce, OriginalMessageSize, Reserved, Flags
        b.writeLongLE(sessionId);                   // SessionId (at 44)
        b.writeZero(64 + 4);                        // "ciphertext"
        return b;
    }

    private static ByteBuf plainResponse(Smb2Header request, long sessionId) {
        ByteBuf b = Unpooled.buffer();
        new Smb2Header(1, 0, request.command(), 1, Smb2Header.FLAG_SERVER_TO_REDIR, 0, request.messageId(), 0, 0, 0,
                sessionId, null).encode(b);
        b.writeShortLE(4).writeShortLE(0);
        return b;
    }

    @Test
    void aDecryptedMessageNamingAnotherSessionClosesTheConnection() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler handler = new RecordingHandler();
        h.submit(Command.ECHO, 0, handler);
        List<Smb2Header> sent = h.sent();
        ByteBuf inner = plainResponse(sent.get(0), SESSION + 1);
        h.engine.registerSession(SESSION, new FakeCipher(inner));
        h.channel.writeInbound(transformFrame(SESSION));
        inner.release();
        assertThat(handler.failures).hasSize(1);
        assertThat(handler.failures.get(0)).isInstanceOf(SmbConnectionLostException.class);
        assertThat(rootMessage(handler.failures.get(0))).contains("names session 0x1122334455667789, its transform header 0x1122334455667788");
        assertThat(h.channel.isActive()).isFalse();
        h.channel.finishAndReleaseAll();
    }

    @Test
    void aTransformFrameForAnUnknownSessionClosesTheConnection() {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler handler = new RecordingHandler();
        h.submit(Command.ECHO, 0, handler);
        h.sent();
        h.channel.writeInbound(transformFrame(SESSION));
        assertThat(handler.failures).hasSize(1);
        assertThat(rootMessage(handler.failures.get(0))).contains("encrypted frame for unknown session 0x1122334455667788");
        assertThat(h.channel.isActive()).isFalse();
        h.channel.finishAndReleaseAll();
    }

    private static String rootMessage(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
