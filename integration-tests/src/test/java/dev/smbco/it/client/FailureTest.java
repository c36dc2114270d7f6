package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnectException;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.fscc.FileNotifyInformation;
import dev.smbco.protocol.smb2.ChangeNotifyRequest;
import dev.smbco.testserver.DedicatedSambaServer;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaServers;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.UseSamba;
import io.netty.buffer.ByteBuf;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Connections that break, stall or were never SMB: every request ends promptly with a typed error. */
@ExtendWith(SambaExtension.class)
class FailureTest {

    /** Waits (bounded) until every request has ended and returns the latest end time. */
    private static long awaitAllEnded(List<? extends Request<?>> requests, ConcurrentLinkedQueue<Long> ends) throws InterruptedException {
        CountDownLatch latch = new CountDownLatch(requests.size());
        for (Request<?> r : requests) {
            r.onDone(x -> {
                ends.add(System.nanoTime());
                latch.countDown();
            });
        }
        assertThat(latch.await(10, TimeUnit.SECONDS)).as("every request ended").isTrue();
        return ends.stream().mapToLong(Long::longValue).max().orElseThrow();
    }

    private static void assertLost(Request<?> r) {
        assertThat(r.state()).isEqualTo(RequestState.FAILED);
        assertThat(r.failure()).isInstanceOf(SmbConnectionLostException.class);
    }

    @Test
    void cutDuringSessionSetupFailsItAndLaterSendsFailFast(SambaServer server) {
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create()) {
            SambaServer via = proxy.front(server);
            proxy.clientToServer().cutAt(Frames.command(Command.SESSION_SETUP.code()), 2);
            SmbConnection conn = client.connect(via.host(), via.port());
            assertThatThrownBy(() -> conn.sessionSetup(Smb.user(server)))
                    .isInstanceOf(SmbConnectionLostException.class)
                    .hasMessageContaining("SESSION_SETUP");
            assertThatThrownBy(conn::echo)
                    .isInstanceOf(SmbConnectionLostException.class)
                    .satisfies(e -> assertThat(((SmbConnectionLostException) e).wasSent()).isFalse());
            assertThat(conn.isOpen()).isFalse();
        }
    }

    @Test
    void cutWith32LargeReadsInFlightFailsEveryOneWithinASecond(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("cut32") + ".bin";
        try (Smb direct = Smb.open(server)) {
            try (SmbFile f = direct.tree.open(name, OpenOptions.write())) {
                f.write(0, new byte[32 << 20]);
            }
        }
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via)) {
                SmbFile f = smb.tree.open(name, OpenOptions.read());
                proxy.stall();
                List<Request<ByteBuf>> reads = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    reads.add(f.readSend((long) i << 20, 1 << 20));
                }
                // a coroutine awaiting one of them must unwind too
                Request<String> awaiting = Coroutine.start(smb.client.loop(), co -> {
                    co.await(f.readSend(0, 4096)).release();
                    return "read";
                });
                Thread.sleep(200);
                long cutAt = System.nanoTime();
                proxy.cut();
                ConcurrentLinkedQueue<Long> ends = new ConcurrentLinkedQueue<>();
                List<Request<?>> all = new ArrayList<>(reads);
                all.add(awaiting);
                long last = awaitAllEnded(all, ends);
                assertThat(Duration.ofNanos(last - cutAt)).isLessThan(Duration.ofSeconds(1));
                reads.forEach(FailureTest::assertLost);
                assertThat(((SmbConnectionLostException) reads.get(0).failure()).wasSent()).isTrue();
                assertLost(awaiting);
                assertThatThrownBy(() -> f.read(0, 10)).isInstanceOf(SmbConnectionLostException.class);
                assertThatThrownBy(() -> smb.tree.stat(name)).isInstanceOf(SmbConnectionLostException.class);
            }
        }
        try (Smb direct = Smb.open(server)) {
            direct.tree.delete(name);
        }
    }

    /**
     * Signed 1 MiB READs (AES-GMAC: their bodies are checked off the event loop) with the
     * connection cut while responses are arriving: every READ ends exactly once, either with its
     * verified data or as lost, and no buffer leaks (PARANOID), also for responses whose check
     * comes back after the connection is gone.
     */
    @Test
    void cutWhileSignedReadsAreBeingVerifiedEndsEachOnceAndLeaksNothing(SambaServer server) throws Exception {
        SmbConfig signed = SmbConfig.builder().signing(SmbConfig.Policy.REQUIRED).build();
        String name = Smb.uniqueDir("cutsigned") + ".bin";
        try (Smb direct = Smb.open(server, signed, server.share())) {
            try (SmbFile f = direct.tree.open(name, OpenOptions.write())) {
                f.write(0, new byte[32 << 20]);
            }
        }
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via, signed, server.share())) {
                SmbFile f = smb.tree.open(name, OpenOptions.read());
                FrameRule cut = proxy.serverToClient().cutAt(Frames.finalResponse(Command.READ.code()), 6);
                List<Request<ByteBuf>> reads = new ArrayList<>();
                for (int i = 0; i < 32; i++) {
                    reads.add(f.readSend((long) i << 20, 1 << 20));
                }
                ConcurrentLinkedQueue<Long> ends = new ConcurrentLinkedQueue<>();
                awaitAllEnded(reads, ends);
                assertThat(cut.fired()).isEqualTo(1);
                int done = 0;
                for (Request<ByteBuf> r : reads) {
                    if (r.state() == RequestState.DONE) {
                        ByteBuf data = r.recv();
                        assertThat(data.readableBytes()).isEqualTo(1 << 20);
                        data.release();
                        done++;
                    } else {
                        assertLost(r);
                    }
                }
                assertThat(done).as("READs answered before the cut").isLessThan(32);
                assertThat(smb.conn.isOpen()).isFalse();
            }
        }
        try (Smb direct = Smb.open(server, signed, server.share())) {
            direct.tree.delete(name);
        }
    }

    @Test
    void cutWhileRequestsWaitForCreditsFailsThemAsNeverSent(SambaServer server) throws Exception {
        SmbConfig tight = SmbConfig.builder().creditTarget(1).maxIoSize(65536).memoryBudget(65536).build();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via, tight, server.share())) {
                proxy.stall();
                List<Request<Void>> echoes = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    echoes.add(smb.conn.echoSend());
                }
                Thread.sleep(200);
                long cutAt = System.nanoTime();
                proxy.cut();
                long last = awaitAllEnded(echoes, new ConcurrentLinkedQueue<>());
                assertThat(Duration.ofNanos(last - cutAt)).isLessThan(Duration.ofSeconds(1));
                echoes.forEach(FailureTest::assertLost);
                long neverSent = echoes.stream().filter(r -> !((SmbConnectionLostException) r.failure()).wasSent()).count();
                assertThat(neverSent).as("requests that were still waiting for credits").isGreaterThan(0);
            }
        }
    }

    @Test
    void cutWhileAnOperationIsPendingAsyncFailsIt(SambaServer server) throws Exception {
        String dir = Smb.uniqueDir("notify");
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            CountDownLatch interim = interimNotifySeen(proxy);
            try (Smb smb = Smb.open(via)) {
                smb.tree.mkdir(dir);
                SmbFile d = smb.tree.open(dir, OpenOptions.directory());
                Request<List<FileNotifyInformation>> watch = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME, false);
                assertThat(interim.await(10, TimeUnit.SECONDS)).as("the server answered STATUS_PENDING: the request went async").isTrue();
                assertThat(watch.isDone()).isFalse();
                long cutAt = System.nanoTime();
                proxy.cut();
                long last = awaitAllEnded(List.of(watch), new ConcurrentLinkedQueue<>());
                assertThat(Duration.ofNanos(last - cutAt)).isLessThan(Duration.ofSeconds(1));
                assertLost(watch);
            }
        }
        try (Smb direct = Smb.open(server)) {
            direct.tree.rmdir(dir);
        }
    }

    @Test
    void cancellingAnAsyncRequestSendsCancelAndEndsItCancelled(SambaServer server) throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            CountDownLatch interim = interimNotifySeen(proxy);
            CountDownLatch cancelSent = new CountDownLatch(1);
            proxy.clientToServer().rewrite(frame -> {
                if (Frames.isSmb2(frame) && Frames.command(frame) == Command.CANCEL.code()
                        && (frame[Frames.FLAGS_OFFSET] & 0x02) != 0) { // SMB2_FLAGS_ASYNC_COMMAND: names the async id
                    cancelSent.countDown();
                }
                return false;
            }, 0, frame -> frame);
            cancelAsync(proxy.front(server), interim, cancelSent);
        }
    }

    private static void cancelAsync(SambaServer server, CountDownLatch interim, CountDownLatch cancelSent) throws Exception {
        try (Smb smb = Smb.open(server)) {
            String dir = Smb.uniqueDir("cancel");
            smb.tree.mkdir(dir);
            try (SmbFile d = smb.tree.open(dir, OpenOptions.directory())) {
                Request<List<FileNotifyInformation>> watch = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME, false);
                assertThat(interim.await(10, TimeUnit.SECONDS)).as("the server answered STATUS_PENDING: the request went async").isTrue();
                assertThat(watch.cancel()).isTrue();
                assertThat(cancelSent.await(5, TimeUnit.SECONDS)).as("a CANCEL naming the async id went out").isTrue();
                CountDownLatch done = new CountDownLatch(1);
                watch.onDone(r -> done.countDown());
                assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(watch.state()).isEqualTo(RequestState.CANCELLED);
                smb.conn.echo(); // the connection is fine afterwards
            }
            smb.tree.rmdir(dir);
        }
    }

    /** Counts down when the server sends an interim STATUS_PENDING CHANGE_NOTIFY response (MS-SMB2 3.3.4.2). */
    private static CountDownLatch interimNotifySeen(FaultProxy proxy) {
        CountDownLatch seen = new CountDownLatch(1);
        proxy.serverToClient().rewrite(frame -> {
            if (Frames.response(Command.CHANGE_NOTIFY.code()).test(frame) && Frames.status(frame) == 0x00000103) {
                seen.countDown();
            }
            return false;
        }, 0, frame -> frame);
        return seen;
    }

    @Test
    void aWatchReportsTheChangeThatEndsIt(SambaServer server) throws Exception {
        try (Smb smb = Smb.open(server)) {
            String dir = Smb.uniqueDir("watch");
            smb.tree.mkdir(dir);
            try (SmbFile d = smb.tree.open(dir, OpenOptions.directory())) {
                Request<List<FileNotifyInformation>> watch = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME, false);
                Thread.sleep(200);
                smb.tree.open(dir + "/new.txt", OpenOptions.write()).close();
                assertThat(watch.await()).extracting(FileNotifyInformation::fileName).contains("new.txt");
            }
            smb.tree.deleteTree(dir);
        }
    }

    @Test
    void aStalledServerMakesRequestsTimeOutAtTheirDeadlineAndTheConnectionSurvives(SambaServer server) throws Exception {
        SmbConfig quick = SmbConfig.builder().requestTimeout(Duration.ofMillis(800)).echoTimeout(Duration.ofMillis(500)).build();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via, quick, server.share())) {
                proxy.stall();
                long t0 = System.nanoTime();
                assertThatThrownBy(smb.conn::echo).isInstanceOf(SmbTimeoutException.class).hasMessageContaining("ECHO");
                Duration took = Duration.ofNanos(System.nanoTime() - t0);
                assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(3));
                Request<?> open = smb.tree.openSend("whatever", OpenOptions.read());
                assertThatThrownBy(open::await).isInstanceOf(SmbTimeoutException.class).hasMessageContaining("CREATE");
                assertThat(open.state()).isEqualTo(RequestState.TIMED_OUT);
                // a coroutine whose sub-request timed out fails with that timeout
                assertThatThrownBy(() -> smb.tree.stat("whatever")).isInstanceOf(SmbTimeoutException.class);
                proxy.resume();
                smb.conn.echo(); // late responses were consumed; credits and message ids still line up
                assertThat(smb.tree.exists("whatever")).isFalse();
            }
        }
    }

    @Test
    void stoppingTheServerFailsPendingRequests() throws Exception {
        try (DedicatedSambaServer server = SambaServers.startDedicated(SambaVariant.DEFAULT); Smb smb = Smb.open(server)) {
            String dir = Smb.uniqueDir("stop");
            smb.tree.mkdir(dir);
            SmbFile d = smb.tree.open(dir, OpenOptions.directory());
            Request<List<FileNotifyInformation>> watch = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME, false);
            Thread.sleep(300);
            server.kill();
            awaitAllEnded(List.of(watch), new ConcurrentLinkedQueue<>());
            assertLost(watch);
            assertThatThrownBy(smb.conn::echo).isInstanceOf(SmbConnectionLostException.class);
        }
    }

    @Test
    void anUnresolvableHostIsAConnectError() {
        try (SmbClient client = SmbClient.create()) {
            assertThatThrownBy(() -> client.connect("no-such-host.invalid", 445))
                    .isInstanceOf(SmbConnectException.class)
                    .hasMessageContaining("no-such-host.invalid");
        }
    }

    @Test
    void aRefusedPortIsAConnectError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (SmbClient client = SmbClient.create()) {
            int p = port;
            // one plain sentence, not the transport's "finishConnect(..) failed with error(-111): ..."
            assertThatThrownBy(() -> client.connect("127.0.0.1", p))
                    .isInstanceOf(SmbConnectException.class)
                    .hasMessage("cannot connect to 127.0.0.1:" + p + " (127.0.0.1): connection refused")
                    .satisfies(e -> assertThat(((SmbConnectException) e).reason()).isEqualTo("connection refused"));
        }
    }

    @Test
    void aServerThatIsNotSmbIsAProtocolError() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try (ServerSocket http = new ServerSocket(0, 5, InetAddress.getLoopbackAddress()); SmbClient client = SmbClient.create()) {
            Thread responder = Thread.ofVirtual().start(() -> {
                while (!stop.get()) {
                    try (Socket s = http.accept(); OutputStream out = s.getOutputStream()) {
                        s.getInputStream().read(new byte[1024]);
                        out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        s.getInputStream().read();
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            assertThatThrownBy(() -> client.connect("127.0.0.1", http.getLocalPort()))
                    .isInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining("is this an SMB server?");
            stop.set(true);
            http.close();
            responder.join(2000);
        }
    }

    @Test
    @UseSamba(variant = SambaVariant.SMB311_ONLY)
    void noCommonDialectIsAReadableError(SambaServer server) {
        try (SmbClient client = SmbClient.create(SmbConfig.builder().maxDialect(Dialect.SMB3_02).build())) {
            assertThatThrownBy(() -> client.connect(server.host(), server.port()))
                    .isInstanceOf(SmbException.class)
                    .hasMessageContaining("NEGOTIATE");
        }
    }
}
