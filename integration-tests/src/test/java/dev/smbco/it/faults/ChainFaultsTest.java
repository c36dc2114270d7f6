package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.FileContent;
import dev.smbco.client.FileStat;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.LocalSmbd;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.file.Path;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault matrix, compound chains and server-side copy: the connection is cut after the server
 * executed a related compound (a stat: CREATE+CLOSE; a small upload: CREATE+WRITE+CLOSE) or a
 * COPYCHUNK, before its answer came back. A chain that only reads is done again once the
 * connection is back (success); a chain that changed the server's state is not sent again
 * blindly and fails typed with {@code wasSent()} true, within {@link FaultMatrix#NOTICE}. A
 * server-side copy between durable handles goes on from its first unconfirmed part with a new
 * resume key (copying a range again writes the same bytes), and the target holds the source. Either
 * way Samba's {@code smbstatus -L} ends with no open of the files: the chains' CREATEs ask for no
 * durable handle, so the server closed what the lost connection had open.
 */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = SambaBackend.LOCAL) // smbstatus reads the local smbd's databases
class ChainFaultsTest {
    @RegisterExtension
    static final FaultMatrix MATRIX = new FaultMatrix();

    private static final int CREATE = 0x0005;
    private static final int IOCTL = 0x000B;
    /** NextCommand (4 bytes) of the SMB2 header: not 0 in every message of a compound but the last. */
    private static final int NEXT_COMMAND = 20;

    /** The first message of a compound frame (a response to a related chain, when the server compounds its answer). */
    private static Predicate<byte[]> compound() {
        return f -> Frames.isSmb2(f) && (f[NEXT_COMMAND] | f[NEXT_COMMAND + 1] | f[NEXT_COMMAND + 2] | f[NEXT_COMMAND + 3]) != 0;
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Waits (up to 10 s: the server cleans up a dropped connection on its own time) until nothing has {@code name} open. */
    private static long opensAfterwards(SambaServer server, String name) throws Exception {
        Path conf = ((LocalSmbd) server).configFile();
        long n = CreateReplayTest.opensOf(conf, name);
        for (int i = 0; i < 50 && n > 0; i++) {
            Thread.sleep(200);
            n = CreateReplayTest.opensOf(conf, name);
        }
        return n;
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAfterAStatChainReachedTheServer(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("cut after a stat chain (CREATE+CLOSE) reached the server", reconnect,
                reconnect ? "success (a read-only chain is done again)" : "typed failure <= 1 s");
        String name = Through.unique("stat-chain");
        byte[] data = random(1000);
        try (Through t = Through.start(server, reconnect).connected()) {
            t.tree.writeFile(name, OpenOptions.write(), Unpooled.wrappedBuffer(data));
            FrameRule cut = t.proxy.serverToClient().cutAt(Frames.response(CREATE).and(compound()), 1);
            FaultMatrix.Outcome<FileStat> o = FaultMatrix.outcome(t.tree.statSend(name));
            assertThat(cut.fired()).as("the chain's compound answer was cut off").isEqualTo(1);
            if (reconnect) {
                assertThat(o.failure()).as("the stat").isNull();
                assertThat(o.value().size()).isEqualTo(data.length);
                MATRIX.observed("success, the size right (done again as separate requests)");
            } else {
                MATRIX.observed(FaultMatrix.typedFailure(o, SmbConnectionLostException.class, cut.firstFiredNanos(), FaultMatrix.NOTICE));
            }
            assertThat(opensAfterwards(server, name)).as("opens of the file on the server (smbstatus -L)").isZero();
            if (reconnect) {
                t.tree.delete(name);
            }
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAfterASmallUploadChainReachedTheServer(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("cut after a small upload chain (CREATE+WRITE+CLOSE) reached the server", reconnect,
                "typed failure <= 1 s, wasSent() true, no open left");
        String name = Through.unique("upload-chain");
        byte[] data = random(3000);
        try (Through t = Through.start(server, reconnect).connected()) {
            FrameRule cut = t.proxy.serverToClient().cutAt(Frames.response(CREATE).and(compound()), 1);
            FaultMatrix.Outcome<Long> o = FaultMatrix.outcome(t.tree.writeFileSend(name, OpenOptions.write(), Unpooled.wrappedBuffer(data)));
            assertThat(cut.fired()).as("the chain's compound answer was cut off").isEqualTo(1);
            String seen = FaultMatrix.typedFailure(o, SmbConnectionLostException.class, cut.firstFiredNanos(), FaultMatrix.NOTICE);
            assertThat(((SmbConnectionLostException) o.failure()).wasSent()).as("wasSent()").isTrue();
            assertThat(opensAfterwards(server, name)).as("opens of the file on the server (smbstatus -L)").isZero();
            if (reconnect) {
                // the connection is back: what the server holds is what the lost chain wrote, whole
                ByteBuf back = t.tree.readFile(name, data.length + 1).data();
                try {
                    assertThat(ByteBufUtil.getBytes(back)).isEqualTo(data);
                } finally {
                    back.release();
                }
                t.tree.delete(name);
            }
            MATRIX.observed(seen + ", wasSent() true, 0 opens on the server");
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAfterAServerSideCopyReachedTheServer(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("cut after a server-side copy (COPYCHUNK) reached the server", reconnect,
                reconnect ? "success, same data (the copy goes on with a new resume key)" : "typed failure <= 1 s, no open left after close");
        String from = Through.unique("copy-from");
        String to = Through.unique("copy-to");
        byte[] data = random(40 << 20); // 3 COPYCHUNK requests of 16 MiB at most
        try (Through t = Through.start(server, reconnect).connected()) {
            t.tree.writeFile(from, OpenOptions.write(), Unpooled.wrappedBuffer(data));
            SmbFile source = t.tree.open(from, OpenOptions.read());
            SmbFile target = t.tree.open(to, OpenOptions.write());
            // the first IOCTL is FSCTL_SRV_REQUEST_RESUME_KEY, the second the first COPYCHUNK
            FrameRule cut = t.proxy.serverToClient().cutAt(Frames.finalResponse(IOCTL), 2);
            FaultMatrix.Outcome<Long> o = FaultMatrix.outcome(source.copyToSend(target, 0, 0, data.length));
            assertThat(cut.fired()).as("the COPYCHUNK's answer was cut off").isEqualTo(1);
            String seen;
            if (reconnect) {
                assertThat(o.failure()).as("the copy").isNull();
                assertThat(o.value()).isEqualTo(data.length);
                assertThat(t.proxy.acceptedConnections()).as("one reconnection").isEqualTo(2);
                seen = "copied, same data";
            } else {
                seen = FaultMatrix.typedFailure(o, SmbConnectionLostException.class, cut.firstFiredNanos(), FaultMatrix.NOTICE);
            }
            for (SmbFile f : new SmbFile[] {source, target}) {
                try {
                    f.close();
                } catch (SmbException closeAfterCut) {
                    assertThat(reconnect).as("only a dead connection fails the close: " + closeAfterCut).isFalse();
                }
            }
            assertThat(opensAfterwards(server, from)).as("opens of the source (smbstatus -L)").isZero();
            assertThat(opensAfterwards(server, to)).as("opens of the target (smbstatus -L)").isZero();
            if (reconnect) {
                FileContent back = t.tree.readFile(to, data.length + 1);
                try {
                    assertThat(ByteBufUtil.getBytes(back.data())).as("the target's bytes").isEqualTo(data);
                } finally {
                    back.release();
                }
                t.tree.delete(from);
                t.tree.delete(to);
            }
            MATRIX.observed(seen + ", 0 opens after close");
        }
    }
}
