package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.client.lease.LeaseState;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.LocalSmbd;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaServers;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.UseSamba;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault matrix, faults that involve the server's side: the connection cut while the server breaks
 * the client's lease for another client, and the server itself killed and started again on the
 * same port (its state directory kept), as after a crash.
 */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER}) // leases need a server we configure
class ServerSideFaultsTest {
    @RegisterExtension
    static final FaultMatrix MATRIX = new FaultMatrix();

    private static final int OPLOCK_BREAK = 0x0012;
    private static final OpenOptions SHARED = OpenOptions.readWrite().withShareAccess(ShareAccess.ALL);
    private static final byte[] DATA = "held under a lease".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutDuringALeaseBreak(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("cut during a lease break", reconnect, "the other client's open succeeds; holder: "
                + (reconnect ? "file goes on or fails typed" : "typed failure in <= 1 s"));
        String name = Through.unique("lease");
        try (Through t = Through.start(server, reconnect).connected();
                SmbClient other = SmbClient.create();
                SmbConnection otherConn = other.connect(server.host(), server.port())) {
            SmbTree otherTree = otherConn.sessionSetup(Through.credentials(server)).treeConnect(server.share());
            SmbFile held = t.tree.open(name, SHARED.lease(LeaseState.RWH));
            held.write(0, DATA);
            FrameRule rule = t.proxy.serverToClient().cutAt(Frames.command(OPLOCK_BREAK), 1);

            FaultMatrix.Outcome<SmbFile> theirs = FaultMatrix.outcome(otherTree.openSend(name, SHARED));
            assertThat(theirs.failure()).as("the other client's open").isNull();
            assertThat(rule.fired()).as("the cut at the break").isEqualTo(1);
            StringBuilder seen = new StringBuilder("other client's open ok after ")
                    .append(theirs.millisAfter(rule.firstFiredNanos())).append(" ms");
            try (SmbFile o = theirs.value()) {
                ByteBuf back = o.read(0, 100);
                try {
                    assertThat(ByteBufUtil.getBytes(back)).as("the holder's write reached the server").isEqualTo(DATA);
                } finally {
                    back.release();
                }
            }

            FaultMatrix.Outcome<ByteBuf> mine = FaultMatrix.outcome(held.readSend(0, 100));
            if (mine.failure() == null) {
                try {
                    assertThat(reconnect).as("success for the holder only when reconnecting").isTrue();
                    assertThat(ByteBufUtil.getBytes(mine.value())).isEqualTo(DATA);
                } finally {
                    mine.value().release();
                }
                seen.append("; holder's handle reopened, same data");
            } else {
                assertThat(mine.failure()).as("the holder's failure is typed").isInstanceOf(SmbException.class);
                if (!reconnect) {
                    assertThat(mine.failure()).isInstanceOf(SmbConnectionLostException.class);
                }
                seen.append("; holder: ").append(mine.failure().getClass().getSimpleName());
            }
            try {
                held.close();
            } catch (SmbException alreadyGone) {
                // the holder's handle is gone with its connection
            }
            otherTree.delete(name);
            MATRIX.observed(seen.toString());
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void serverRestart(boolean reconnect) throws Exception {
        MATRIX.cell("server killed and restarted (same port)", reconnect,
                reconnect ? "new requests succeed; an open file fails typed or goes on" : "typed failure in <= 1 s");
        try (LocalSmbd server = (LocalSmbd) SambaServers.startDedicated(SambaVariant.DEFAULT, SambaBackend.LOCAL);
                Through t = Through.start(server, reconnect).connected()) {
            String name = Through.unique("restart");
            SmbFile f = t.tree.open(name, OpenOptions.readWrite());
            f.write(0, DATA);
            f.flushSend().await();
            server.restart();
            long restarted = System.nanoTime();
            FaultMatrix.Outcome<ByteBuf> read = FaultMatrix.outcome(f.readSend(0, 100));
            if (reconnect) {
                StringBuilder seen = new StringBuilder();
                if (read.failure() == null) {
                    try {
                        assertThat(ByteBufUtil.getBytes(read.value())).isEqualTo(DATA);
                    } finally {
                        read.value().release();
                    }
                    seen.append("open file reopened, same data");
                } else {
                    assertThat(read.failure()).as("typed").isInstanceOf(SmbException.class);
                    seen.append("open file: ").append(read.failure().getClass().getSimpleName());
                }
                FaultMatrix.Outcome<dev.smbco.client.FileStat> stat = FaultMatrix.outcome(t.tree.statSend(name));
                assertThat(stat.failure()).as("a new request after the restart").isNull();
                assertThat(stat.value().size()).isEqualTo(DATA.length);
                MATRIX.observed(seen + "; new requests ok");
            } else {
                MATRIX.observed(FaultMatrix.typedFailure(read, SmbConnectionLostException.class, restarted, FaultMatrix.NOTICE)
                        + " after the restart");
            }
            try {
                f.close();
            } catch (SmbException alreadyGone) {
                // lost with the old server process
            }
        }
    }
}
