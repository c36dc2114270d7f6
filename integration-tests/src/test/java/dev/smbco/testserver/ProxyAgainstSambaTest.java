package dev.smbco.testserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The fault proxy in front of real Samba: transparent until told otherwise, then smbclient sees the fault. */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = SambaBackend.LOCAL)
class ProxyAgainstSambaTest {
    /** MS-SMB2 2.2.1.2: Command codes. */
    private static final int NEGOTIATE = 0x0000;
    private static final int TREE_CONNECT = 0x0003;

    @Test
    void isTransparentWithoutRules(SambaServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            assertThat(via.port()).isEqualTo(proxy.port()).isNotEqualTo(server.port());
            Smbclient.Result r = Smbclient.run(via, via.readOnlyShare(), "get hello.txt -");
            assertThat(r.output()).contains(SambaServer.READ_ONLY_FILE_CONTENT.strip()).doesNotContain("NT_STATUS_");
            assertThat(proxy.acceptedConnections()).isPositive();
        }
    }

    @Test
    void cutAtTheTreeConnectResponseFailsTheClient(SambaServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            FrameRule cut = proxy.serverToClient().cutAt(Frames.response(TREE_CONNECT), 1);
            Smbclient.Result r = Smbclient.run(proxy.front(server), server.share(), "ls");
            assertThat(cut.awaitFired(Duration.ofSeconds(10))).isTrue();
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.output()).contains("NT_STATUS_");
        }
    }

    @Test
    void aCorruptNegotiateResponseFailsTheClient(SambaServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            // ProtocolId's first byte: 0xFE becomes 0x01, no longer an SMB2 message
            FrameRule corrupt = proxy.serverToClient().corrupt(Frames.response(NEGOTIATE), 1, 0);
            Smbclient.Result r = Smbclient.run(proxy.front(server), server.share(), "ls");
            assertThat(corrupt.fired()).isEqualTo(1);
            assertThat(r.exitCode()).isNotZero();
            assertThat(r.output()).doesNotContain("blocks of size");
        }
    }
}
