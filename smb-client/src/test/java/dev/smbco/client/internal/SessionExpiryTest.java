package dev.smbco.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.smbco.client.SmbStatusException;
import dev.smbco.client.engine.NettyLoop;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MS-SMB2 3.2.5.1.6: STATUS_NETWORK_SESSION_EXPIRED → re-authenticate, send the request once more. */
class SessionExpiryTest {
    private static final int EXPIRED = 0xC000035C;
    private static final long SESSION = 0x77;

    private final SenderHarness h = new SenderHarness("test:445");
    private final EmbeddedChannel channel = h.channel;
    private final NettyLoop loop = h.loop;
    private final Sender sender = h.sender;
    private final List<Long> renewed = new ArrayList<>();
    private Completer<Void> reauth;

    {
        sender.onSessionExpired(sid -> {
            renewed.add(sid);
            reauth = Completer.create(loop);
            return reauth.request();
        });
    }

    private List<Smb2Header> sent() {
        return h.sent();
    }

    private void respond(Smb2Header req, int status) {
        h.respond(req, status);
    }

    private Request<String> send(Command command) {
        Request<String> r = sender.send(new SenderHarness.Body(command), new Route(SESSION, 5, null, false, false), command + " \\\\h\\s\\x",
                "\\\\h\\s\\x", Duration.ofSeconds(30), null, (header, body) -> "ok");
        channel.runPendingTasks();
        return r;
    }

    @Test
    void anExpiredSessionIsRenewedAndTheRequestSentOnceMore() {
        Request<String> r = send(Command.CREATE);
        Smb2Header first = sent().get(0);
        respond(first, EXPIRED);
        assertThat(renewed).containsExactly(SESSION);
        assertThat(r.state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(sent()).isEmpty(); // nothing goes out until the session is renewed

        reauth.complete(null);
        channel.runPendingTasks();
        List<Smb2Header> again = sent();
        assertThat(again).extracting(Smb2Header::command).containsExactly(Command.CREATE);
        assertThat(again.get(0).messageId()).isNotEqualTo(first.messageId());
        assertThat(again.get(0).sessionId()).isEqualTo(SESSION);
        respond(again.get(0), 0);
        assertThat(r.state()).isEqualTo(RequestState.DONE);
        assertThat(r.recv()).isEqualTo("ok");
        assertFalse(channel.finish());
    }

    @Test
    void aSecondExpiryFailsTheRequestNamingTheStatus() {
        Request<String> r = send(Command.READ);
        respond(sent().get(0), EXPIRED);
        reauth.complete(null);
        channel.runPendingTasks();
        respond(sent().get(0), EXPIRED);
        assertThat(renewed).hasSize(1);
        assertThat(r.state()).isEqualTo(RequestState.FAILED);
        assertThat(r.failure()).isInstanceOf(SmbStatusException.class).hasMessageContaining("STATUS_NETWORK_SESSION_EXPIRED");
        assertFalse(channel.finish());
    }

    @Test
    void aFailedReauthenticationFailsTheRequest() {
        Request<String> r = send(Command.WRITE);
        respond(sent().get(0), EXPIRED);
        reauth.fail(new IllegalStateException("logon failure"));
        channel.runPendingTasks();
        assertThat(sent()).isEmpty();
        assertThat(r.state()).isEqualTo(RequestState.FAILED);
        assertThat(r.failure()).isInstanceOf(SmbStatusException.class).hasMessageContaining("STATUS_NETWORK_SESSION_EXPIRED");
        assertFalse(channel.finish());
    }

    @Test
    void sessionSetupItselfIsNeverRenewed() {
        Request<String> r = send(Command.SESSION_SETUP);
        respond(sent().get(0), EXPIRED);
        assertThat(renewed).isEmpty();
        assertThat(r.state()).isEqualTo(RequestState.FAILED);
        assertFalse(channel.finish());
    }
}
