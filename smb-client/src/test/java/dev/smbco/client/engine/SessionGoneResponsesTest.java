package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import org.junit.jupiter.api.Test;

/** Unsigned answers where signing is in force: refused, except the two that say the session is gone. */
class SessionGoneResponsesTest {
    /** Signs nothing, verifies nothing: any signed response would fail, unsigned ones are what is tested. */
    private static final MessageSecurity SIGNING = new TestSecurity() {
    };

    private static RecordingHandler signedRequestAnswered(int status) {
        EngineHarness h = new EngineHarness(64, 1 << 20);
        RecordingHandler handler = new RecordingHandler();
        h.engine.submit(new Exchange(new TestBody(Command.CREATE, 0), 9, 1, SIGNING, true, false, "CREATE test", handler));
        Smb2Header sent = h.sent().get(0);
        h.channel.writeInbound(EngineHarness.response(sent, status, 1, 0, 0));
        h.channel.finishAndReleaseAll();
        return handler;
    }

    @Test
    void anUnsignedSessionExpiredOrDeletedIsDelivered() {
        assertThat(signedRequestAnswered(0xC000035C).responses).singleElement()
                .satisfies(h -> assertThat(h.status()).isEqualTo(0xC000035C));
        assertThat(signedRequestAnswered(0xC0000203).responses).hasSize(1);
    }

    @Test
    void anyOtherUnsignedAnswerIsAProtocolError() {
        RecordingHandler success = signedRequestAnswered(0);
        assertThat(success.responses).isEmpty();
        assertThat(success.failures).singleElement().isInstanceOf(SmbProtocolException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("unsigned response where signing is required"));
        RecordingHandler accessDenied = signedRequestAnswered(0xC0000022);
        assertThat(accessDenied.failures).singleElement().isInstanceOf(SmbProtocolException.class);
    }
}
