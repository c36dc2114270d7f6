package dev.smbco.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbAlreadyExistsException;
import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbNotEmptyException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbSharingViolationException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.protocol.Command;
import org.junit.jupiter.api.Test;

class StatusErrorsTest {
    @Test
    void familiesAndReadableMessages() {
        SmbStatusException e = StatusErrors.of(0xC0000034, Command.CREATE, "\\\\host\\share\\dir\\x.txt");
        assertThat(e).isInstanceOf(SmbNotFoundException.class)
                .hasMessage("CREATE \\\\host\\share\\dir\\x.txt: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)");
        assertThat(e.status()).isEqualTo(0xC0000034);
        assertThat(e.command()).isEqualTo(Command.CREATE);
        assertThat(e.path()).isEqualTo("\\\\host\\share\\dir\\x.txt");
        assertThat(StatusErrors.of(0xC00000CC, Command.TREE_CONNECT, "\\\\h\\s")).isInstanceOf(SmbNotFoundException.class)
                .hasMessageContaining("STATUS_BAD_NETWORK_NAME");
        assertThat(StatusErrors.of(0xC0000022, Command.CREATE, "p")).isInstanceOf(SmbAccessDeniedException.class);
        assertThat(StatusErrors.of(0xC0000035, Command.CREATE, "p")).isInstanceOf(SmbAlreadyExistsException.class);
        assertThat(StatusErrors.of(0xC0000101, Command.SET_INFO, "p")).isInstanceOf(SmbNotEmptyException.class);
        assertThat(StatusErrors.of(0xC0000043, Command.CREATE, "p")).isInstanceOf(SmbSharingViolationException.class);
        assertThat(StatusErrors.of(0xC000006D, Command.SESSION_SETUP, "\\\\h")).isInstanceOf(SmbAuthenticationException.class)
                .hasMessageContaining("STATUS_LOGON_FAILURE (0xC000006D)");
        assertThat(StatusErrors.of(0xC00000BB, Command.IOCTL, null)).isExactlyInstanceOf(SmbStatusException.class)
                .hasMessageStartingWith("IOCTL: ");
    }
}
