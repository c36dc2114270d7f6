package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Request;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.LocalSmbd;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code SmbConfig.compositeTimeout} against a stalled server, for the composites that
 * {@code CompositeDeadlineTest} (mkdirs, download) does not cover: stat, list, deleteTree and a
 * server-side copy. The proxy stops forwarding just before the call; each composite ends with an
 * {@link SmbTimeoutException} naming it and its deadline, well before the 10 s request timeout
 * (the margin is bounded, never a tight figure); once the proxy forwards again the server's late
 * answers are undone, so Samba ({@code smbstatus -L}) holds no handle of the test's files, and the
 * same connection serves the same operation. Buffers: {@code NoLeaks} checks every class.
 */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = SambaBackend.LOCAL) // smbstatus reads the local smbd's databases
class CompositeDeadlineStallTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration OVERALL = Duration.ofSeconds(1);
    /** How late after the deadline the failure may come (scheduling on a busy machine): bounded, far below the request timeout. */
    private static final Duration MARGIN = Duration.ofSeconds(4);

    @Test
    void statOfAStalledServerEndsAtTheDeadline(SambaServer server) throws Exception {
        String dir = Through.unique("dl-stat");
        prepare(server, dir, 1);
        stalled(server, dir, "stat ", tree -> tree.statSend(dir + "/f0.bin"), tree -> tree.stat(dir + "/f0.bin").size() == 4096);
    }

    @Test
    void listOfAStalledServerEndsAtTheDeadline(SambaServer server) throws Exception {
        String dir = Through.unique("dl-list");
        prepare(server, dir, 3);
        stalled(server, dir, "list ", tree -> tree.listSend(dir), tree -> tree.list(dir).size() == 3);
    }

    @Test
    void deleteTreeOfAStalledServerEndsAtTheDeadline(SambaServer server) throws Exception {
        String dir = Through.unique("dl-deltree");
        prepare(server, dir, 3);
        stalled(server, dir, "deleteTree ", tree -> tree.deleteTreeSend(dir), tree -> {
            tree.deleteTree(dir); // what the stalled attempt left (it may have deleted some)
            return !tree.exists(dir);
        });
    }

    @Test
    void serverSideCopyOfAStalledServerEndsAtTheDeadline(SambaServer server) throws Exception {
        String dir = Through.unique("dl-copy");
        prepare(server, dir, 1);
        Path conf = ((LocalSmbd) server).configFile();
        SmbConfig config = SmbConfig.builder().requestTimeout(REQUEST_TIMEOUT).compositeTimeout(OVERALL).build();
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create(config);
                SmbConnection conn = client.connect(proxy.host(), proxy.port())) {
            SmbTree tree = conn.sessionSetup(credentials(server)).treeConnect(server.share());
            try (SmbFile source = tree.open(dir + "/f0.bin", OpenOptions.read());
                    SmbFile target = tree.open(dir + "/copy.bin", OpenOptions.write())) {
                proxy.stall();
                long start = System.nanoTime();
                FaultMatrix.Outcome<Long> o = FaultMatrix.outcome(source.copyToSend(target));
                assertDeadline(o, start, "server-side copy ");
                proxy.resume();
                assertThat(source.copyToSend(target).await()).as("the same copy once the server answers").isEqualTo(4096);
            }
            assertNoOpens(conf, dir);
            tree.deleteTree(dir);
        }
    }

    /**
     * Stalls the proxy, runs {@code op} and checks that it ends at the overall deadline; then
     * resumes, checks that Samba holds no handle under {@code dir}, and that {@code again} (the
     * same operation, blocking) succeeds on the same connection.
     */
    private static void stalled(SambaServer server, String dir, String name, Function<SmbTree, Request<?>> op,
                                java.util.function.Predicate<SmbTree> again) throws Exception {
        Path conf = ((LocalSmbd) server).configFile();
        SmbConfig config = SmbConfig.builder().requestTimeout(REQUEST_TIMEOUT).compositeTimeout(OVERALL).build();
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create(config);
                SmbConnection conn = client.connect(proxy.host(), proxy.port())) {
            SmbTree tree = conn.sessionSetup(credentials(server)).treeConnect(server.share());
            proxy.stall();
            long start = System.nanoTime();
            FaultMatrix.Outcome<?> o = FaultMatrix.outcome(op.apply(tree));
            assertDeadline(o, start, name);
            proxy.resume();
            assertNoOpens(conf, dir);
            assertThat(again.test(tree)).as("the same operation once the server answers").isTrue();
            if (tree.exists(dir)) {
                tree.deleteTree(dir);
            }
        }
    }

    private static void assertDeadline(FaultMatrix.Outcome<?> o, long start, String name) {
        assertThat(o.failure()).as("the composite's failure").isInstanceOf(SmbTimeoutException.class);
        assertThat(o.failure().getMessage()).startsWith(name).endsWith("not done within its overall deadline of 1 s");
        long ms = TimeUnit.NANOSECONDS.toMillis(o.endNanos() - start);
        assertThat(ms).as("ms from the call to the failure").isGreaterThanOrEqualTo(OVERALL.toMillis() - 50)
                .isLessThan(OVERALL.plus(MARGIN).toMillis());
    }

    /** Waits (up to 10 s: the late answers are undone with CLOSEs) until no open under {@code dir} shows in {@code smbstatus -L}. */
    private static void assertNoOpens(Path conf, String dir) throws Exception {
        long opens = -1;
        for (int i = 0; i < 100 && opens != 0; i++) {
            opens = CreateReplayTest.opensOf(conf, dir);
            if (opens != 0) {
                Thread.sleep(100);
            }
        }
        assertThat(opens).as("handles under %s that Samba still holds", dir).isZero();
    }

    /** {@code dir} with {@code n} files of 4 KiB, made straight on the server (no proxy). */
    private static void prepare(SambaServer server, String dir, int n) {
        try (SmbClient client = SmbClient.create(SmbConfig.builder().build());
                SmbConnection conn = client.connect(server.host(), server.port())) {
            SmbTree tree = conn.sessionSetup(credentials(server)).treeConnect(server.share());
            tree.mkdirs(dir);
            byte[] data = new byte[4096];
            new Random(n).nextBytes(data);
            for (int i = 0; i < n; i++) {
                tree.writeFile(dir + "/f" + i + ".bin", OpenOptions.write(), Unpooled.wrappedBuffer(data));
            }
        }
    }

    private static Credentials credentials(SambaServer server) {
        return Through.credentials(server);
    }
}
