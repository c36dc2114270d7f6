package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.testserver.FileDigests;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault matrix, an established session: the connection is cut at a CREATE, in the middle of a
 * READ stream and of a WRITE stream, at a CLOSE, and after a READ reached the server but before
 * its reply came back. With reconnection on the user sees nothing but success and identical data
 * (durable handles reopened, lost parts sent again); with it off, a typed failure within
 * {@link FaultMatrix#NOTICE} of the cut.
 */
@ExtendWith(SambaExtension.class)
class TransferFaultsTest {
    @RegisterExtension
    static final FaultMatrix MATRIX = new FaultMatrix();

    private static final int CREATE = 0x0005;
    private static final int CLOSE = 0x0006;
    private static final int READ = 0x0008;
    private static final int WRITE = 0x0009;
    private static final int SIZE = 16 << 20;
    private static final String SAME_DATA = "success, same data";
    private static final String TYPED = "typed failure in <= 1 s";

    /** Puts {@code source} on the server as {@code name} before any fault. */
    private static void put(Through t, String name, Path source) {
        try (SmbFile f = t.tree.open(name, OpenOptions.write())) {
            f.uploadSend(source).await();
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAtCreate(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("cut at CREATE", reconnect, reconnect ? "success (the durable CREATE replayed)" : TYPED);
        try (Through t = Through.start(server, reconnect).connected()) {
            FrameRule rule = t.proxy.clientToServer().cutAt(Frames.command(CREATE), 1);
            String name = Through.unique("create");
            FaultMatrix.Outcome<SmbFile> o = FaultMatrix.outcome(t.tree.openSend(name, OpenOptions.readWrite()));
            if (!reconnect) {
                MATRIX.observed(FaultMatrix.typedFailure(o, SmbConnectionLostException.class, rule.firstFiredNanos(), FaultMatrix.NOTICE));
                return;
            }
            // sent again under the same CreateGuid once the connection is back (CreateReplayTest)
            assertThat(rule.fired()).isEqualTo(1);
            assertThat(o.failure()).as("the open").isNull();
            try (SmbFile f = o.value()) {
                assertThat(f.isOpen()).isTrue();
            }
            t.tree.delete(name);
            MATRIX.observed("opened after " + t.proxy.acceptedConnections() + " connections");
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutInTheMiddleOfAReadStream(boolean reconnect, SambaServer server, @TempDir Path tmp) throws Exception {
        MATRIX.cell("cut mid-READ stream", reconnect, reconnect ? SAME_DATA : TYPED);
        Path source = Through.randomFile(tmp, "source", SIZE);
        Path back = tmp.resolve("back");
        String name = Through.unique("read");
        try (Through t = Through.start(server, reconnect).connected()) {
            put(t, name, source);
            try (SmbFile f = t.tree.open(name, OpenOptions.read())) {
                FrameRule rule = t.proxy.serverToClient().cutAt(Frames.finalResponse(READ), 3);
                FaultMatrix.Outcome<Long> o = FaultMatrix.outcome(f.downloadSend(back));
                assertThat(rule.fired()).as("the cut happened").isEqualTo(1);
                if (reconnect) {
                    assertThat(o.failure()).as("no failure").isNull();
                    assertThat(FileDigests.sha256(back)).isEqualTo(FileDigests.sha256(source));
                    MATRIX.observed(SAME_DATA + " (SHA-256)");
                } else {
                    MATRIX.observed(FaultMatrix.typedFailure(o, SmbConnectionLostException.class, rule.firstFiredNanos(), FaultMatrix.NOTICE));
                }
            } catch (SmbException closeAfterCut) {
                assertThat(reconnect).as("only a dead connection fails the close: " + closeAfterCut).isFalse();
            }
            if (reconnect) {
                t.tree.delete(name);
            }
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutInTheMiddleOfAWriteStream(boolean reconnect, SambaServer server, @TempDir Path tmp) throws Exception {
        MATRIX.cell("cut mid-WRITE stream", reconnect, reconnect ? SAME_DATA : TYPED);
        Path source = Through.randomFile(tmp, "source", SIZE);
        Path back = tmp.resolve("back");
        String name = Through.unique("write");
        try (Through t = Through.start(server, reconnect).connected()) {
            FrameRule rule = t.proxy.clientToServer().cutAt(Frames.command(WRITE), 3);
            SmbFile f = t.tree.open(name, OpenOptions.write());
            FaultMatrix.Outcome<Long> o = FaultMatrix.outcome(f.uploadSend(source));
            try {
                f.close();
            } catch (SmbException closeAfterCut) {
                assertThat(reconnect).as("only a dead connection fails the close: " + closeAfterCut).isFalse();
            }
            assertThat(rule.fired()).as("the cut happened").isEqualTo(1);
            if (reconnect) {
                assertThat(o.failure()).as("no failure").isNull();
                try (SmbFile r = t.tree.open(name, OpenOptions.read())) {
                    r.downloadSend(back).await();
                }
                assertThat(FileDigests.sha256(back)).as("what the server holds").isEqualTo(FileDigests.sha256(source));
                MATRIX.observed(SAME_DATA + " (SHA-256 of what the server holds)");
                t.tree.delete(name);
            } else {
                MATRIX.observed(FaultMatrix.typedFailure(o, SmbConnectionLostException.class, rule.firstFiredNanos(), FaultMatrix.NOTICE));
            }
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAtClose(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("cut at CLOSE", reconnect, reconnect ? "close succeeds, data kept" : TYPED);
        String name = Through.unique("close");
        byte[] data = "written before the close".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (Through t = Through.start(server, reconnect).connected()) {
            SmbFile f = t.tree.open(name, OpenOptions.readWrite());
            f.write(0, data);
            FrameRule rule = t.proxy.clientToServer().cutAt(Frames.command(CLOSE), 1);
            FaultMatrix.Outcome<Void> o = FaultMatrix.outcome(f.closeSend());
            assertThat(rule.fired()).as("the cut happened").isEqualTo(1);
            assertThat(f.isOpen()).as("closed either way").isFalse();
            if (reconnect) {
                assertThat(o.failure()).as("no failure").isNull();
                ByteBuf back = t.tree.readFile(name, 100).data();
                try {
                    assertThat(ByteBufUtil.getBytes(back)).isEqualTo(data);
                } finally {
                    back.release();
                }
                MATRIX.observed("close succeeded, the server holds the data");
                t.tree.delete(name);
            } else {
                MATRIX.observed(FaultMatrix.typedFailure(o, SmbConnectionLostException.class, rule.firstFiredNanos(), FaultMatrix.NOTICE));
            }
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void resetAfterTheRequestLeftBeforeTheReply(boolean reconnect, SambaServer server, @TempDir Path tmp) throws Exception {
        MATRIX.cell("reset after a READ left, before its reply", reconnect,
                reconnect ? SAME_DATA : TYPED + ", wasSent() true");
        Path source = Through.randomFile(tmp, "source", 1 << 16);
        String name = Through.unique("reset");
        try (Through t = Through.start(server, reconnect).connected()) {
            put(t, name, source);
            try (SmbFile f = t.tree.open(name, OpenOptions.read())) {
                FrameRule held = t.proxy.serverToClient().hold(Frames.finalResponse(READ), 1);
                var read = f.readSend(0, 1 << 16);
                assertThat(held.awaitFired(java.time.Duration.ofSeconds(10))).as("the server answered").isTrue();
                long cutAt = System.nanoTime();
                assertThat(t.proxy.cut()).isEqualTo(1);
                FaultMatrix.Outcome<ByteBuf> o = FaultMatrix.outcome(read);
                if (reconnect) {
                    assertThat(o.failure()).as("no failure").isNull();
                    try {
                        assertThat(ByteBufUtil.getBytes(o.value())).isEqualTo(Files.readAllBytes(source));
                    } finally {
                        o.value().release();
                    }
                    MATRIX.observed(SAME_DATA + " (READ sent again)");
                } else {
                    String seen = FaultMatrix.typedFailure(o, SmbConnectionLostException.class, cutAt, FaultMatrix.NOTICE);
                    assertThat(((SmbConnectionLostException) o.failure()).wasSent()).as("wasSent()").isTrue();
                    MATRIX.observed(seen + ", wasSent() true");
                }
            } catch (SmbException closeAfterCut) {
                assertThat(reconnect).as("only a dead connection fails the close: " + closeAfterCut).isFalse();
            }
            if (reconnect) {
                t.tree.delete(name);
            }
        }
    }
}
