package dev.smbco.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.engine.SmbEngine;
import dev.smbco.client.internal.Durations;
import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.Sender;
import dev.smbco.client.internal.SenderHarness;
import dev.smbco.client.internal.StatusErrors;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.SmbDecodeException;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every exception of the hierarchy, printed as-is ({@code toString()}, what a log line or an
 * uncaught stack trace shows), names what it should: the operation, the UNC path, the NTSTATUS
 * name and hex; for a lost connection the peer, why it went and whether the request had been sent.
 * Produced where possible the way the client produces them (through the {@link Sender} over an
 * engine on an EmbeddedChannel), so the test follows the real wording. No secret ever appears.
 */
@ExtendWith(NoLeaks.class)
class ErrorMessagesTest {
    private static final String PATH = "\\\\fileserver\\projects\\2026\\x.txt";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final SenderHarness h = new SenderHarness("fileserver:445");
    private final EmbeddedChannel channel = h.channel;
    private final SmbEngine engine = h.engine;
    private final Sender sender = h.sender;

    private Request<String> send(Command command) {
        Request<String> r = sender.send(new SenderHarness.Body(command), Route.NONE, command + " " + PATH, PATH, TIMEOUT, null,
                (header, body) -> "ok");
        channel.runPendingTasks();
        return r;
    }

    /** The last request header written since the last call. */
    private Smb2Header lastSent() {
        List<Smb2Header> sent = h.sent();
        return sent.isEmpty() ? null : sent.get(sent.size() - 1);
    }

    private void finish() {
        h.finish();
    }

    private void respond(Smb2Header req, int status) {
        h.respond(req, status);
    }

    @Test
    void aStatusErrorFromTheServerNamesCommandPathStatusNameAndHex() {
        Request<String> r = send(Command.CREATE);
        respond(lastSent(), 0xC0000034);
        assertThat(r.failure()).hasToString("dev.smbco.client.SmbNotFoundException: CREATE " + PATH
                + ": STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)");
        SmbStatusException e = (SmbStatusException) r.failure();
        assertThat(e.status()).isEqualTo(0xC0000034);
        assertThat(e.command()).isEqualTo(Command.CREATE);
        assertThat(e.path()).isEqualTo(PATH);
        finish();
    }

    @ParameterizedTest
    @CsvSource({
        "C0000034, CREATE,          SmbNotFoundException,         STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)",
        "C00000CC, TREE_CONNECT,    SmbNotFoundException,         STATUS_BAD_NETWORK_NAME (0xC00000CC)",
        "C0000022, CREATE,          SmbAccessDeniedException,     STATUS_ACCESS_DENIED (0xC0000022)",
        "C0000035, CREATE,          SmbAlreadyExistsException,    STATUS_OBJECT_NAME_COLLISION (0xC0000035)",
        "C0000101, SET_INFO,        SmbNotEmptyException,         STATUS_DIRECTORY_NOT_EMPTY (0xC0000101)",
        "C0000043, CREATE,          SmbSharingViolationException, STATUS_SHARING_VIOLATION (0xC0000043)",
        "C000006D, SESSION_SETUP,   SmbAuthenticationException,   STATUS_LOGON_FAILURE (0xC000006D)",
        "C0000055, LOCK,            SmbStatusException,           STATUS_LOCK_NOT_GRANTED (0xC0000055)",
    })
    void everyStatusFamilyPrintsCommandPathAndStatus(String hex, Command command, String type, String status) {
        SmbStatusException e = StatusErrors.of(Integer.parseUnsignedInt(hex, 16), command, PATH);
        assertThat(e).hasToString("dev.smbco.client." + type + ": " + command + " " + PATH + ": " + status);
        finish();
    }

    @Test
    void aStatusWithoutAKnownNameStillShowsItsHex() {
        assertThat(StatusErrors.of(0xC0DEF00D, Command.READ, PATH).getMessage()).startsWith("READ " + PATH + ": ").contains("0xC0DEF00D");
        finish();
    }

    @Test
    void aLostConnectionNamesTheRequestThePeerTheCauseAndWhetherItWasSent() {
        Request<String> onTheWire = send(Command.READ);
        assertThat(lastSent().command()).isEqualTo(Command.READ);
        engine.close(new IOException("Connection reset by peer"));
        channel.runPendingTasks();
        assertThat(onTheWire.failure()).hasToString("dev.smbco.client.SmbConnectionLostException: READ " + PATH
                + ": connection to fileserver:445 lost: Connection reset by peer (request was sent; its outcome is unknown)")
                .hasRootCauseMessage("Connection reset by peer");
        assertThat(((SmbConnectionLostException) onTheWire.failure()).wasSent()).isTrue();

        Request<String> later = send(Command.WRITE);
        assertThat(later.failure()).hasToString("dev.smbco.client.SmbConnectionLostException: WRITE " + PATH
                + ": connection to fileserver:445 lost: Connection reset by peer (request was never sent)");
        assertThat(((SmbConnectionLostException) later.failure()).wasSent()).isFalse();
        finish();
    }

    @Test
    void aConnectionTornDownByAProtocolErrorSaysWhatWasWrong() {
        Request<String> bad = sender.send(new SenderHarness.Body(Command.READ), Route.NONE, "READ " + PATH, PATH, TIMEOUT, null, (header, body) -> {
            throw new SmbDecodeException("READ response", "DataOffset", "points past the end of the message");
        });
        channel.runPendingTasks();
        Smb2Header readHeader = lastSent();
        Request<String> bystander = send(Command.ECHO);
        respond(readHeader, 0);
        assertThat(bad.failure()).isInstanceOf(SmbProtocolException.class)
                .hasMessageStartingWith("READ " + PATH + ": malformed response: ")
                .hasMessageContaining("DataOffset");
        assertThat(bystander.failure()).isInstanceOf(SmbConnectionLostException.class)
                .hasMessageStartingWith("ECHO " + PATH + ": connection to fileserver:445 lost: READ " + PATH + ": malformed response: ")
                .hasMessageContaining("DataOffset")
                .hasMessageEndingWith("sent)").hasMessageContaining("(request was ");
        finish();
    }

    @Test
    void aTimeoutNamesTheRequestAndTheDeadlineInSeconds() {
        Request<String> slow = send(Command.READ);
        channel.advanceTimeBy(61, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        channel.runPendingTasks();
        assertThat(slow.state()).isEqualTo(RequestState.TIMED_OUT);
        assertThat(slow.failure()).hasToString("dev.smbco.client.SmbTimeoutException: READ " + PATH + ": no response within 60 s");
        assertThat(Durations.human(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(Durations.human(Duration.ofMillis(1500))).isEqualTo("1.5 s");
        assertThat(Durations.human(Duration.ofMinutes(2))).isEqualTo("120 s");
        finish();
    }

    @Test
    void theOtherTypesReadAsTheyStand() {
        assertThat(new SmbClosedException("READ " + PATH + ": the file handle is closed"))
                .hasToString("dev.smbco.client.SmbClosedException: READ " + PATH + ": the file handle is closed")
                .isInstanceOf(SmbException.class);
        assertThat(new SmbConnectException("cannot connect to fileserver:445 (10.0.0.5): Connection refused", null))
                .hasToString("dev.smbco.client.SmbConnectException: cannot connect to fileserver:445 (10.0.0.5): Connection refused");
        finish();
    }

    @Test
    void credentialsNeverPrintThePassword() {
        char[] password = "s3cret-Pa55".toCharArray();
        Credentials c = Credentials.ntlm("alice", password, "CORP");
        assertThat(c.toString()).isEqualTo("Credentials[CORP\\alice]").doesNotContain("s3cret");
        assertThat(c.display()).isEqualTo("CORP\\alice");
        assertThat(Credentials.ntlm("bob", "pw-bob").display()).isEqualTo("bob");
        assertThat(Credentials.guest().display()).isEqualTo("guest");
        assertThat(Credentials.anonymous().display()).isEqualTo("anonymous");
        assertThat(c.toNtlm().toString()).doesNotContain("s3cret");
        finish();
    }
}
