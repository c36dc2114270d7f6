package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Closing the client is the last word, also with connections left open: every request still
 * waiting on the server ends as connection lost, once, and its callbacks (here a coroutine that
 * awaits one of them) still run; none is left pending for the caller to wait on forever. (A
 * client whose connections were all closed first stops without a quiet period.)
 */
@ExtendWith(SambaExtension.class)
class ClientCloseTest {

    @Test
    void closingTheClientEndsEveryPendingRequestAsLostBeforeCloseReturns(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("close-pending") + ".bin";
        try (Smb direct = Smb.open(server); SmbFile f = direct.tree.open(name, OpenOptions.write())) {
            f.write(0, new byte[1 << 20]);
        }
        List<Request<?>> pending = new ArrayList<>();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            SmbClient client = SmbClient.create();
            SmbConnection conn = client.connect(via.host(), via.port());
            SmbSession session = conn.sessionSetup(Smb.user(server));
            SmbTree tree = session.treeConnect(server.share());
            SmbFile f = tree.open(name, OpenOptions.read());
            proxy.stall(); // the server's answers never arrive: everything below stays pending
            for (int i = 0; i < 8; i++) {
                pending.add(f.readSend((long) i << 16, 1 << 16));
            }
            pending.add(conn.echoSend());
            pending.add(Coroutine.start(client.loop(), co -> {
                co.await(f.readSend(0, 4096)).release();
                return "read";
            }));
            CountDownLatch ended = new CountDownLatch(pending.size());
            pending.forEach(r -> r.onDone(x -> ended.countDown()));
            assertThat(pending).allSatisfy(r -> assertThat(r.state()).isEqualTo(RequestState.IN_PROGRESS));

            client.close();

            assertThat(ended.await(5, TimeUnit.SECONDS)).as("every pending request ended: %s", pending).isTrue();
            assertThat(pending).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(RequestState.FAILED);
                assertThat(r.failure()).isInstanceOf(SmbConnectionLostException.class);
            });
        } finally {
            for (Request<?> r : pending) {
                if (r.state() == RequestState.DONE && r.recv() instanceof ByteBuf b) {
                    b.release();
                }
            }
        }
        try (Smb direct = Smb.open(server)) {
            direct.tree.delete(name);
        }
    }
}
