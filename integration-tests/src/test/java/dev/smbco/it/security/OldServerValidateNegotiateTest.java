package dev.smbco.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.UseSamba;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * MS-SMB2 3.2.5.14.5 on a server that does not implement FSCTL_VALIDATE_NEGOTIATE_INFO (Samba
 * capped at SMB 2.0.2 answers it, signed, with STATUS_FILE_CLOSED, as older Windows does): a
 * client at its defaults (offering 3.x) takes the signed refusal as "not supported" and works;
 * the same answer without its signature is still refused and closes the connection.
 */
@ExtendWith(SambaExtension.class)
@UseSamba(variant = SambaVariant.MAX_SMB2_02)
class OldServerValidateNegotiateTest {
    /** SMB2 header: Flags (4 bytes) at 16, Signature (16 bytes) at 48; SMB2_FLAGS_SIGNED is 0x8. */
    private static final int FLAGS = 16;
    private static final int SIGNATURE = 48;

    @Test
    void a202ServerThatDoesNotImplementValidationIsUsableWithDefaults(SambaServer server) {
        try (Sec s = Sec.open(server, SmbConfig.defaults())) {
            assertThat(s.conn.negotiated().dialect()).isEqualTo(Dialect.SMB2_02);
            Sec.writeReadListDelete(s.session.treeConnect(server.share()));
        }
    }

    @Test
    void theSameRefusalUnsignedIsRejectedAndClosesTheConnection(SambaServer server) {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            proxy.serverToClient().rewrite(Frames.response(Command.IOCTL.code()), 1, frame -> {
                byte[] copy = frame.clone();
                copy[FLAGS] &= ~0x08;
                java.util.Arrays.fill(copy, SIGNATURE, SIGNATURE + 16, (byte) 0);
                return copy;
            });
            try (Sec s = Sec.open(proxy.front(server), SmbConfig.defaults())) {
                assertThatThrownBy(() -> s.session.treeConnect(server.share()))
                        .isInstanceOf(SmbProtocolException.class)
                        .hasMessageContaining("VALIDATE_NEGOTIATE_INFO")
                        .hasMessageContaining("unsigned");
                assertThat(s.conn.isOpen()).isFalse();
            }
        }
    }
}
