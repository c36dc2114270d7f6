package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbHandleLostException;
import dev.smbco.client.resilience.ReconnectListener;
import dev.smbco.client.resilience.ReconnectPolicy;
import dev.smbco.coro.Request;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FileDigests;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Transparent reconnection (MS-SMB2 3.2.4.4) against Samba through the fault proxy: the
 * connection is cut under open durable handles, and the same {@link SmbFile} objects go on.
 */
@ExtendWith(SambaExtension.class)
class ReconnectTest {

    /** Counts the reconnection's events and lets a test wait for them. */
    static final class Events implements ReconnectListener {
        final CountDownLatch lost = new CountDownLatch(1);
        final CountDownLatch reconnected = new CountDownLatch(1);
        final CountDownLatch gaveUp = new CountDownLatch(1);
        final AtomicInteger reconnects = new AtomicInteger();
        volatile Throwable gaveUpWith;

        @Override
        public void lost(String peer, Throwable cause) {
            lost.countDown();
        }

        @Override
        public void reconnected(String peer, int attempts) {
            reconnects.incrementAndGet();
            reconnected.countDown();
        }

        @Override
        public void gaveUp(String peer, Throwable cause) {
            gaveUpWith = cause;
            gaveUp.countDown();
        }
    }

    private static SmbConfig reconnecting(ReconnectPolicy policy) {
        return SmbConfig.builder().reconnect(policy).build();
    }

    private static String text(ByteBuf b) {
        try {
            return b.toString(StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    @Test
    void aDurableFileReadsAndWritesAfterTheConnectionIsCut(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("durable") + ".txt";
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via, reconnecting(ReconnectPolicy.on(Duration.ofSeconds(20))), server.share())) {
                Events events = new Events();
                smb.conn.onReconnect(events);
                java.util.List<Integer> channelSequences = new java.util.concurrent.CopyOnWriteArrayList<>();
                proxy.clientToServer().rewrite(dev.smbco.testserver.Frames.command(0x0009), 0, frame -> {
                    channelSequences.add((frame[8] & 0xFF) | (frame[9] & 0xFF) << 8); // MS-SMB2 2.2.1.2 ChannelSequence of each WRITE
                    return frame;
                });
                SmbFile f = smb.tree.open(name, OpenOptions.readWrite());
                assertThat(f.isDurable()).as("Samba grants the durable handle asked for").isTrue();
                f.write(0, "before the cut".getBytes(StandardCharsets.UTF_8));
                var before = f.fileId();

                assertThat(proxy.cut()).isEqualTo(1);
                assertThat(events.lost.await(10, TimeUnit.SECONDS)).isTrue();
                // sent while reconnecting: waits, then goes to the reopened handle
                Request<ByteBuf> waiting = f.readSend(0, 100);
                assertThat(text(waiting.await())).isEqualTo("before the cut");
                assertThat(events.reconnected.await(10, TimeUnit.SECONDS)).isTrue();

                f.write(14, ", and after".getBytes(StandardCharsets.UTF_8));
                assertThat(text(f.read(0, 100))).isEqualTo("before the cut, and after");
                assertThat(f.isOpen()).isTrue();
                // reopened, not opened anew: Samba keeps the open's persistent id, the volatile id is new
                assertThat(f.fileId().persistent()).as("the same open on the server").isEqualTo(before.persistent());
                assertThat(f.fileId()).as("a new handle on the new connection").isNotEqualTo(before);
                assertThat(smb.tree.stat(name).size()).isEqualTo(25);
                assertThat(channelSequences).as("WRITEs before and after the reconnection (3.3.5.2.10)").containsExactly(0, 1);
                f.close();
                smb.tree.delete(name);
                assertThat(events.reconnects.get()).isEqualTo(1);
                assertThat(proxy.acceptedConnections()).isEqualTo(2);
            }
        }
    }

    /**
     * A 64 MiB upload and download through durable handles with the connection cut three times
     * during each: both complete with equal SHA-256. Parts in flight at a cut are sent again by the
     * transfer layer (Resend) once the connection is back; parts sent meanwhile wait for it.
     */
    @Test
    void uploadAndDownloadSurviveThreeCuts(SambaServer server, @org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        String name = Smb.uniqueDir("cut3") + ".bin";
        java.nio.file.Path source = tmp.resolve("source.bin");
        java.nio.file.Path back = tmp.resolve("back.bin");
        byte[] chunk = new byte[1 << 20];
        java.util.Random random = new java.util.Random(42);
        try (var out = java.nio.file.Files.newOutputStream(source)) {
            for (int i = 0; i < 64; i++) {
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        long size = 64L << 20;
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            // 1 MiB parts: 64 progress calls per transfer, so a cut skipped at one call happens at the next
            SmbConfig config = SmbConfig.builder().reconnect(ReconnectPolicy.on(Duration.ofSeconds(30))).maxIoSize(1 << 20).build();
            try (Smb smb = Smb.open(via, config, server.share())) {
                Events events = new Events();
                smb.conn.onReconnect(events);
                try (SmbFile f = smb.tree.open(name, OpenOptions.write())) {
                    assertThat(f.isDurable()).isTrue();
                    assertThat(f.uploadSend(source, cutAt(proxy, smb.conn, size)).await()).isEqualTo(size);
                }
                int afterUpload = events.reconnects.get();
                try (SmbFile f = smb.tree.open(name, OpenOptions.read())) {
                    assertThat(f.isDurable()).isTrue();
                    assertThat(f.downloadSend(back, cutAt(proxy, smb.conn, size)).await()).isEqualTo(size);
                }
                assertThat(FileDigests.sha256(back)).isEqualTo(FileDigests.sha256(source));
                assertThat(afterUpload).as("reconnections during the upload").isEqualTo(3);
                assertThat(events.reconnects.get()).as("reconnections in all").isEqualTo(6);
                smb.tree.delete(name);
            }
        }
    }

    /**
     * A progress listener that cuts the proxied connection at 1/4, 2/4 and 3/4 of {@code total},
     * each time on an established connection (a cut during a reconnection would only make that
     * reconnection try again).
     */
    private static dev.smbco.client.TransferListener cutAt(FaultProxy proxy, dev.smbco.client.SmbConnection conn, long total) {
        AtomicInteger cuts = new AtomicInteger();
        return (done, all) -> {
            int due = (int) (done * 4 / total);
            // a cut counts only when the proxy had the connection: right after a reconnection the
            // client's socket may be up before the proxy has registered its side (then: next chunk)
            if (due > cuts.get() && cuts.get() < 3 && conn.isOpen() && !conn.isReconnecting() && proxy.cut() == 1) {
                cuts.incrementAndGet();
            }
        };
    }

    @Test
    void withReconnectOffACutFailsTypedAsBefore(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("nodurable") + ".txt";
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via)) {
                SmbFile f = smb.tree.open(name, OpenOptions.readWrite());
                assertThat(f.isDurable()).as("no durable handle is asked for without reconnecting").isFalse();
                proxy.cut();
                assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) { // until the client has seen the reset
                        f.read(0, 10).release();
                        Thread.sleep(20);
                    }
                }).isInstanceOf(SmbConnectionLostException.class);
                assertThat(proxy.acceptedConnections()).isEqualTo(1);
            }
        }
        try (Smb direct = Smb.open(server)) {
            direct.tree.delete(name);
        }
    }

    /**
     * A request made while the connection is down waits for the reconnection, and its own timeout
     * (2 s here) counts only from when it is sent: the reconnection's deadline (30 s) bounds the
     * wait. An outage of twice the request timeout, and a READ and a stat (a compound chain, sent
     * as separate requests while the connection is down) still complete. (Before, the request's
     * clock ran while it waited, and it failed with SmbTimeoutException after 2 s.)
     */
    @Test
    void aRequestWaitingThroughAnOutageLongerThanItsTimeoutCompletes(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("outage") + ".txt";
        SmbConfig config = SmbConfig.builder().reconnect(ReconnectPolicy.on(Duration.ofSeconds(30)))
                .requestTimeout(Duration.ofSeconds(2)).build();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via, config, server.share())) {
                Events events = new Events();
                smb.conn.onReconnect(events);
                try (SmbFile f = smb.tree.open(name, OpenOptions.readWrite())) {
                    assertThat(f.isDurable()).isTrue();
                    f.write(0, "through the outage".getBytes(StandardCharsets.UTF_8));
                    proxy.stall(); // no byte passes, on this connection or a new one, until resume()
                    proxy.cut();
                    assertThat(events.lost.await(10, TimeUnit.SECONDS)).isTrue();
                    Request<ByteBuf> read = f.readSend(0, 100);
                    Request<dev.smbco.client.FileStat> stat = smb.tree.statSend(name); // a compound chain, gone separately
                    Thread.sleep(4000);
                    assertThat(read.isDone()).as("after twice its timeout, still waiting for the reconnection: " + read).isFalse();
                    assertThat(stat.isDone()).as("the stat too: " + stat).isFalse();
                    proxy.resume();
                    assertThat(text(read.await())).isEqualTo("through the outage");
                    assertThat(stat.await().size()).isEqualTo("through the outage".length());
                }
                assertThat(events.reconnects.get()).isEqualTo(1);
                smb.tree.delete(name);
            }
        }
    }

    @Test
    void aHandleTheServerRefusesToReopenFailsThatFileOnly(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("expired") + ".txt";
        // a 1 s durable timeout, and the proxy holds every byte for longer: the server drops the handle
        ReconnectPolicy policy = new ReconnectPolicy(true, Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(1), 64,
                Duration.ofSeconds(1));
        SmbConfig config = SmbConfig.builder().reconnect(policy).requestTimeout(Duration.ofSeconds(2)).build();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via, config, server.share())) {
                Events events = new Events();
                smb.conn.onReconnect(events);
                SmbFile f = smb.tree.open(name, OpenOptions.readWrite());
                f.write(0, "x".getBytes(StandardCharsets.UTF_8));
                assertThat(f.isDurable()).isTrue();
                proxy.stall();
                proxy.cut();
                assertThat(events.lost.await(10, TimeUnit.SECONDS)).isTrue();
                Thread.sleep(5000); // past the durable timeout; Samba's scavenger closes the handle
                proxy.resume();
                assertThat(events.reconnected.await(20, TimeUnit.SECONDS)).isTrue();
                assertThatThrownBy(() -> f.read(0, 1)).isInstanceOf(SmbHandleLostException.class)
                        .hasMessageContaining("durable handle could not be reopened (STATUS_");
                // nothing else fails: the tree and session carry on
                assertThat(smb.tree.stat(name).size()).isEqualTo(1);
                f.close();
                smb.tree.delete(name);
            }
        }
    }
}
