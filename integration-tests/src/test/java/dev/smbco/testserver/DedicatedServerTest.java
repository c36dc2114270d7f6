package dev.smbco.testserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A dedicated server belongs to one test, which may stop or kill it. */
@ExtendWith(SambaExtension.class)
class DedicatedServerTest {

    @Test
    void stoppedLocalServerRefusesConnections(@UseSamba(backend = SambaBackend.LOCAL) DedicatedSambaServer server) throws Exception {
        assertThat(server.isRunning()).isTrue();
        assertThat(Smbclient.run(server, server.share(), "ls").output()).doesNotContain("NT_STATUS_");
        server.stop();
        assertThat(server.isRunning()).isFalse();
        assertRefused(server);
    }

    @Test
    void killedLocalServerDropsItsConnection(@UseSamba(backend = SambaBackend.LOCAL) DedicatedSambaServer server) throws Exception {
        try (Socket s = new Socket(server.host(), server.port())) {
            server.kill();
            s.setSoTimeout(10_000);
            // the per-connection smbd died with the rest: end of stream or reset, never a hang
            assertThat(readOrReset(s)).isTrue();
        }
        assertThat(server.isRunning()).isFalse();
        assertRefused(server);
    }

    @Test
    void killedContainerIsGone(@UseSamba(backend = SambaBackend.CONTAINER) DedicatedSambaServer server) throws Exception {
        assertThat(server.isRunning()).isTrue();
        assertThat(Smbclient.run(server, server.share(), "ls").output()).doesNotContain("NT_STATUS_");
        server.kill();
        assertThat(server.isRunning()).isFalse();
        assertRefused(server);
    }

    @Test
    void startDedicatedContainerOfAVariant() throws Exception {
        try (DedicatedSambaServer server = startDedicated(SambaVariant.MAX_SMB3_00, SambaBackend.CONTAINER)) {
            assertThat(server.backend()).isEqualTo(SambaBackend.CONTAINER);
            assertThat(server.variant()).isEqualTo(SambaVariant.MAX_SMB3_00);
            assertThat(Smbclient.run(server, server.share(), "ls").output()).doesNotContain("NT_STATUS_");
            Smbclient.Result wants302 = Smbclient.run(server, server.share(), "ls", "--option=client min protocol=SMB3_02");
            assertThat(wants302.output()).contains("protocol negotiation failed");
            server.stop();
            assertThat(server.isRunning()).isFalse();
        }
    }

    private static DedicatedSambaServer startDedicated(SambaVariant variant, SambaBackend backend) {
        try {
            return SambaServers.startDedicated(variant, backend);
        } catch (SambaUnavailableException e) {
            throw SambaExtension.skipOrFail(e);
        }
    }

    private static boolean readOrReset(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }

    private static void assertRefused(SambaServer server) {
        assertThatThrownBy(() -> {
            try (Socket s = new Socket(server.host(), server.port())) {
                s.getInputStream().read();
            }
        }).isInstanceOf(ConnectException.class);
    }
}
