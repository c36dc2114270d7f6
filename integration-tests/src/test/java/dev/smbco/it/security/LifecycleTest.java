package dev.smbco.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Dialect;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Re-authentication, logoff and tree disconnect on close, keep-alive and the dead-connection limit. */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class LifecycleTest {

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB2_10", "SMB3_02", "SMB3_11"})
    void aSessionReauthenticatesInPlaceAndKeepsWorking(Dialect dialect, SambaServer server) {
        SmbConfig config = SmbConfig.builder().dialect(dialect).signing(SmbConfig.Policy.REQUIRED).build();
        try (Sec s = Sec.open(server, config)) {
            SmbTree tree = s.session.treeConnect(server.share());
            long id = s.session.sessionId();
            s.session.reauthenticate();
            assertThat(s.session.sessionId()).isEqualTo(id);
            Sec.writeReadListDelete(tree); // same keys, same tree: signed traffic still verifies
            s.session.reauthenticate();
            Sec.writeReadListDelete(s.session.treeConnect(server.share()));
        }
    }

    @Test
    void closingATreeDisconnectsItAndClosingASessionLogsItOff(SambaServer server) throws Exception {
        try (Sec s = Sec.open(server, SmbConfig.defaults())) {
            SmbTree tree = s.session.treeConnect(server.share());
            tree.list("");
            tree.close();
            assertThatThrownBy(() -> tree.list("")).isInstanceOf(RuntimeException.class);
            Optional<Path> conf = SmbStatus.conf(server);
            int port = s.conn.localAddress().getPort();
            if (conf.isPresent()) {
                assertThat(SmbStatus.line(conf.get(), "-b", port)).isPresent();
            }
            s.session.close();
            if (conf.isPresent()) {
                // smbd drops the session from its table on LOGOFF, though the TCP connection stays
                assertThat(SmbStatus.lineGone(conf.get(), "-b", port)).isTrue();
            }
            s.conn.echo();
        }
    }

    @Test
    void anIdleConnectionStaysAliveOnEchoesAndASilentOneIsDeclaredDead(SambaServer server) throws Exception {
        SmbConfig config = SmbConfig.builder().keepAlive(Duration.ofMillis(200), Duration.ofMillis(1200)).build();
        try (FaultProxy proxy = FaultProxy.start(server); Sec s = Sec.open(proxy.front(server), config)) {
            SmbTree tree = s.session.treeConnect(server.share());
            Thread.sleep(2000); // idle well past the silence limit: the echoes keep it alive
            assertThat(s.conn.isOpen()).isTrue();
            tree.list("");

            proxy.stall(); // the server goes silent (bytes held back)
            Request<?> pending = tree.listSend("");
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> pending.withTimeout(Duration.ofSeconds(10)).await())
                    .isInstanceOf(SmbConnectionLostException.class)
                    .hasMessageContaining("declared dead");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ms).isLessThan(5000); // well before the 60 s request timeout
            assertThat(s.conn.isOpen()).isFalse();
            proxy.resume();
        }
    }
}
