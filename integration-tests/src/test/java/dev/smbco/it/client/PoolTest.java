package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnectException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.client.pool.PoolOptions;
import dev.smbco.client.pool.SmbPool;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Command;
import dev.smbco.testserver.DedicatedSambaServer;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaServers;
import dev.smbco.testserver.SambaVariant;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pool (#13 item 4): {@code smb://} URIs opened through one connection per server, shared
 * logons and trees, replaced when they die, closed when idle, capped. Each server is reached
 * through a FaultProxy that counts the TCP connections the client makes.
 */
@ExtendWith(SambaExtension.class)
class PoolTest {
    private static final Duration NO_HANG = Duration.ofSeconds(120);

    private static URI uri(FaultProxy proxy, SambaServer server, String path) {
        return URI.create("smb://" + proxy.host() + ":" + proxy.port() + "/" + server.share() + "/" + path);
    }

    private static String read(SmbFile f) {
        ByteBuf b = f.read(0, 1024);
        try {
            return b.toString(StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    @Test
    void aThousandCoroutinesOnTwoServersUseOneConnectionEach(SambaServer first) throws Exception {
        String dir = Smb.uniqueDir("pool");
        try (DedicatedSambaServer second = SambaServers.startDedicated(SambaVariant.DEFAULT);
             FaultProxy a = FaultProxy.start(first);
             FaultProxy b = FaultProxy.start(second);
             SmbClient client = SmbClient.create()) {
            for (SambaServer s : List.of(first, second)) {
                try (Smb direct = Smb.open(s)) {
                    direct.tree.mkdir(dir);
                }
            }
            Credentials alice = Smb.user(first); // both test servers know the same user
            List<Request<String>> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                boolean onFirst = i % 2 == 0;
                URI u = uri(onFirst ? a : b, onFirst ? first : second, dir + "/f" + i + ".txt");
                String text = "file " + i;
                all.add(Coroutine.start(client.loop(), co -> {
                    try (SmbFile f = co.await(client.openSend(u, alice, OpenOptions.write()))) {
                        co.await(f.writeSend(0, text.getBytes(StandardCharsets.UTF_8)));
                    }
                    return text;
                }));
            }
            for (int i = 0; i < all.size(); i++) {
                assertThat(all.get(i).withTimeout(NO_HANG).await()).isEqualTo("file " + i);
            }
            assertThat(a.acceptedConnections()).as("connections to the first server").isEqualTo(1);
            assertThat(b.acceptedConnections()).as("connections to the second server").isEqualTo(1);
            assertThat(client.pool().connectionCount()).isEqualTo(2);
            try (SmbFile f = client.open(uri(b, second, dir + "/f999.txt"), alice, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("file 999");
            }
            assertThat(b.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionThatDiedIsReplacedOnTheNextOpen(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("pool-cut") + ".txt";
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create()) {
            Credentials user = Smb.user(server);
            try (SmbFile f = client.open(uri(proxy, server, name), user, OpenOptions.write())) {
                f.write(0, "before".getBytes(StandardCharsets.UTF_8));
            }
            proxy.cut();
            // the pool notices the dead connection at the next request for it (at once, or when
            // the one request that meets the closing socket has failed)
            SmbFile f = null;
            for (int attempt = 0; attempt < 2 && f == null; attempt++) {
                try {
                    f = client.open(uri(proxy, server, name), user, OpenOptions.read());
                } catch (dev.smbco.client.SmbConnectionLostException e) {
                    // the socket's reset arrived after the pool's check: the next call starts afresh
                }
            }
            assertThat(f).as("the second open at the latest reconnects").isNotNull();
            try (SmbFile opened = f) {
                assertThat(read(opened)).isEqualTo("before");
            }
            assertThat(proxy.acceptedConnections()).isEqualTo(2);
            assertThat(client.pool().connectionCount()).isEqualTo(1);
        }
    }

    @Test
    void eachCredentialsObjectGetsItsOwnSessionOnTheOneConnection(SambaServer server) {
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create()) {
            Credentials one = Smb.user(server);
            Credentials two = Smb.user(server);
            SmbPool pool = client.pool();
            SmbSession s1 = pool.sessionSend(proxy.host(), proxy.port(), one).await();
            SmbSession again = pool.sessionSend(proxy.host(), proxy.port(), one).await();
            SmbSession s2 = pool.sessionSend(proxy.host(), proxy.port(), two).await();
            assertThat(again).isSameAs(s1);
            assertThat(s2).isNotSameAs(s1);
            assertThat(s2.sessionId()).isNotEqualTo(s1.sessionId());
            assertThat(s2.connection()).isSameAs(s1.connection());
            assertThat(proxy.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void aWaiterThatCancelsLeavesTheSharedConnectForTheOthers(SambaServer server) {
        String name = Smb.uniqueDir("pool-cancel") + ".txt";
        try (Smb direct = Smb.open(server); SmbFile f = direct.tree.open(name, OpenOptions.write())) {
            f.write(0, "shared".getBytes(StandardCharsets.UTF_8));
        }
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create()) {
            Credentials user = Smb.user(server);
            proxy.stall(); // the connect's NEGOTIATE waits in the proxy
            Request<SmbFile> quitter = client.openSend(uri(proxy, server, name), user, OpenOptions.read());
            Request<SmbFile> stayer = client.openSend(uri(proxy, server, name), user, OpenOptions.read());
            quitter.cancel();
            proxy.resume();
            try (SmbFile f = stayer.withTimeout(NO_HANG).await()) {
                assertThat(read(f)).isEqualTo("shared");
            }
            assertThat(quitter.withTimeout(NO_HANG)).satisfies(r -> {
                try {
                    r.await();
                } catch (RuntimeException ignored) {
                    // ended: cancelled, as asked
                }
                assertThat(r.state()).isEqualTo(RequestState.CANCELLED);
            });
            assertThat(client.pool().connectionCount()).isEqualTo(1);
            assertThat(proxy.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void anIdleConnectionIsClosedButNotWhileAPooledFileIsOpen(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("pool-idle") + ".txt";
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create();
             SmbPool pool = new SmbPool(client, new PoolOptions(Duration.ofSeconds(1), 8))) {
            Credentials user = Smb.user(server);
            SmbFile held = pool.open(uri(proxy, server, name), user, OpenOptions.write());
            Thread.sleep(3000); // three idle timeouts: the open file keeps the connection
            held.write(0, "still here".getBytes(StandardCharsets.UTF_8));
            assertThat(pool.connectionCount()).isEqualTo(1);
            held.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (proxy.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(proxy.openConnections()).as("the idle connection was closed").isZero();
            assertThat(pool.connectionCount()).isZero();
            try (SmbFile f = pool.open(uri(proxy, server, name), user, OpenOptions.read())) {
                assertThat(read(f)).isEqualTo("still here");
            }
            assertThat(proxy.acceptedConnections()).isEqualTo(2);
        }
    }

    /**
     * A tree taken with treeSend and worked on for longer than the idle timeout (the CLI's long
     * copies) keeps its connection while held; released, the connection goes idle and is closed.
     */
    @Test
    void aHeldConnectionOutlivesTheIdleTimeoutAndIsClosedWhenReleased(SambaServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create();
             SmbPool pool = new SmbPool(client, new PoolOptions(Duration.ofSeconds(1), 8))) {
            Credentials user = Smb.user(server);
            SmbTree tree = pool.treeSend(proxy.host(), proxy.port(), server.share(), user).withTimeout(NO_HANG).await();
            SmbPool.Hold hold = pool.hold(tree.session());
            Thread.sleep(3000); // three idle timeouts without asking the pool for anything
            assertThat(tree.isOpen()).as("the held connection is still open").isTrue();
            assertThat(tree.list("")).isNotNull();
            assertThat(proxy.openConnections()).isEqualTo(1);
            hold.close();
            hold.close(); // a second close does not release another hold
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (proxy.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(proxy.openConnections()).as("released, the idle connection was closed").isZero();
            assertThat(proxy.acceptedConnections()).isEqualTo(1);
        }
    }

    /** close(step): a TREE_DISCONNECT per pooled tree and a LOGOFF per pooled session, then the connection closes. */
    @Test
    void aPoliteCloseDisconnectsTreesAndLogsOffSessions(SambaServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create()) {
            java.util.concurrent.atomic.AtomicInteger disconnects = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.atomic.AtomicInteger logoffs = new java.util.concurrent.atomic.AtomicInteger();
            proxy.clientToServer().rewrite(frame -> {
                if (Frames.command(frame) == Command.TREE_DISCONNECT.code()) {
                    disconnects.incrementAndGet();
                } else if (Frames.command(frame) == Command.LOGOFF.code()) {
                    logoffs.incrementAndGet();
                }
                return false;
            }, 0, frame -> frame);
            SmbPool pool = new SmbPool(client, PoolOptions.defaults());
            Credentials alice = Smb.user(server);
            Credentials again = Smb.user(server); // another object: a session of its own
            pool.treeSend(proxy.host(), proxy.port(), server.share(), alice).withTimeout(NO_HANG).await();
            pool.treeSend(proxy.host(), proxy.port(), server.publicShare(), alice).withTimeout(NO_HANG).await();
            pool.treeSend(proxy.host(), proxy.port(), server.share(), again).withTimeout(NO_HANG).await();
            pool.close(Duration.ofSeconds(5));
            assertThat(disconnects.get()).as("TREE_DISCONNECTs").isEqualTo(3);
            assertThat(logoffs.get()).as("LOGOFFs").isEqualTo(2);
            assertThat(pool.connectionCount()).isZero();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (proxy.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(proxy.openConnections()).isZero();
            pool.close(Duration.ofSeconds(5)); // a second close does nothing
            assertThat(logoffs.get()).isEqualTo(2);
            assertThatThrownBy(() -> pool.sessionSend(proxy.host(), proxy.port(), alice).withTimeout(NO_HANG).await())
                    .as("later requests fail").hasMessageContaining("the pool is closed");
        }
    }

    @Test
    void atTheCapTheLeastRecentlyUsedFreeConnectionMakesRoomOrTheOpenIsRefused(SambaServer server) {
        String name = Smb.uniqueDir("pool-cap") + ".txt";
        try (FaultProxy a = FaultProxy.start(server); FaultProxy b = FaultProxy.start(server);
             SmbClient client = SmbClient.create(); SmbPool pool = new SmbPool(client, new PoolOptions(Duration.ofMinutes(5), 1))) {
            Credentials user = Smb.user(server);
            SmbFile onA = pool.open(uri(a, server, name), user, OpenOptions.write());
            assertThatThrownBy(() -> pool.open(uri(b, server, name), user, OpenOptions.read()))
                    .isInstanceOf(SmbConnectException.class)
                    .hasMessageContaining("connection pool full");
            onA.close();
            try (SmbFile onB = pool.open(uri(b, server, name), user, OpenOptions.read())) {
                assertThat(onB.isOpen()).isTrue();
            }
            assertThat(pool.connectionCount()).isEqualTo(1);
            assertThat(b.acceptedConnections()).isEqualTo(1);
        }
    }

    @Test
    void aUriThatIsNotAFileOnAShareIsRefusedAtOnce(SambaServer server) {
        try (SmbClient client = SmbClient.create()) {
            Credentials user = Smb.user(server);
            assertThatThrownBy(() -> client.openSend(URI.create("smb://" + server.host() + "/"), user, OpenOptions.read()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a share");
            assertThatThrownBy(() -> client.openSend(URI.create("smb://someone@" + server.host() + "/s/f"), user, OpenOptions.read()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names user 'someone'");
            assertThatThrownBy(() -> client.openSend(URI.create("http://" + server.host() + "/s/f"), user, OpenOptions.read()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an smb:// URI");
        }
    }
}
