package dev.smbco.cli.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.cli.CliException;
import dev.smbco.cli.ExitStatus;
import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbConnectException;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.coro.RequestFailedException;
import dev.smbco.protocol.Command;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** How each client failure maps to an exit status and one line. */
class ClientErrorsTest {
    private static final String URL = "smb://host/share/x.txt";

    private static CliException map(Throwable t) {
        return ClientErrors.toCli(t, URL, "/tmp/x.txt");
    }

    @Test
    void statusErrorsAreExit1WithWordsAndName() {
        CliException e = map(new SmbNotFoundException(0xC0000034, Command.CREATE, "\\\\host\\share\\x.txt", "CREATE ...: STATUS_OBJECT_NAME_NOT_FOUND"));
        assertThat(e.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(e.getMessage()).isEqualTo("smb://host/share/x.txt: no such file (STATUS_OBJECT_NAME_NOT_FOUND)");
        assertThat(map(new SmbAccessDeniedException(0xC0000022, Command.CREATE, "p", "m")).getMessage())
                .isEqualTo(URL + ": permission denied (STATUS_ACCESS_DENIED)");
        assertThat(map(new SmbStatusException(0xC00000CC, Command.TREE_CONNECT, "p", "m")).getMessage())
                .isEqualTo(URL + ": no such share (STATUS_BAD_NETWORK_NAME)");
    }

    @Test
    void dataTheServerDoesNotHoldIsExit1NamingBothSizes() {
        CliException m = map(new dev.smbco.client.SmbSizeMismatchException("\\\\host\\share\\.x.txt.smbco-part-d5ec1d", 5_000_000, 65_424));
        assertThat(m.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(m.getMessage()).isEqualTo(URL + ": the server holds 65424 bytes, but 5000000 were sent");
        CliException n = map(new dev.smbco.client.SmbNoProgressException("WRITE p: server accepted no data", 65536));
        assertThat(n.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(n.getMessage()).isEqualTo(URL + ": the server accepted no data (at offset 65536)");
        CliException r = map(new dev.smbco.client.SmbReplayMismatchException("\\\\host\\share\\x.txt", 4096, 262144, "Count 131072", 0, null));
        assertThat(r.status()).as("data whose state is unknown is a failed copy, not a connection problem").isEqualTo(ExitStatus.FAILED);
        assertThat(r.getMessage()).isEqualTo(URL + ": after a reconnection the server answered the 262144 bytes at offset 4096 sent again"
                + " with Count 131072; what it holds there is unknown");
    }

    @Test
    void authenticationIsExit4() {
        CliException e = map(new SmbAuthenticationException(0xC000006D, Command.SESSION_SETUP, "h", "m"));
        assertThat(e.status()).isEqualTo(ExitStatus.AUTHENTICATION);
        assertThat(e.getMessage()).isEqualTo(URL + ": authentication failed (STATUS_LOGON_FAILURE)");
    }

    @Test
    void connectionProblemsAreExit3() {
        CliException refused = map(new SmbConnectException("connect h:445", new ConnectException("Connection refused: /127.0.0.1:445")));
        assertThat(refused.status()).isEqualTo(ExitStatus.CONNECTION);
        assertThat(refused.getMessage()).isEqualTo(URL + ": cannot connect: connection refused");
        assertThat(map(new SmbConnectionLostException("gone", true, null)).getMessage()).isEqualTo(URL + ": connection lost");
        assertThat(map(new SmbConnectionLostException("gone", true, null)).status()).isEqualTo(ExitStatus.CONNECTION);
        assertThat(map(new SmbTimeoutException("READ timed out")).status()).isEqualTo(ExitStatus.CONNECTION);
        assertThat(map(new SmbTimeoutException("READ timed out")).getMessage()).isEqualTo(URL + ": timed out");
        assertThat(map(new SmbProtocolException("bad signature")).status()).isEqualTo(ExitStatus.CONNECTION);
    }

    @Test
    void localFileErrorsNameTheLocalFile() {
        CliException full = map(new RequestFailedException(new FileSystemException("/tmp/x.txt", null, "No space left on device")));
        assertThat(full.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(full.getMessage()).isEqualTo("/tmp/x.txt: no space left on device");
        assertThat(map(new RequestFailedException(new IOException("Input/output error"))).getMessage())
                .isEqualTo("/tmp/x.txt: input/output error");
    }

    @Test
    void ourOwnExceptionsPassThrough() {
        CliException mine = CliException.usage("x");
        assertThat(map(mine)).isSameAs(mine);
    }
}
