package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSharingViolationException;
import dev.smbco.client.SmbTree;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.LocalSmbd;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A durable CREATE (DH2Q with a CreateGuid) reached the server, the server opened the file, and
 * the connection was cut before the answer came back. With reconnection on, the client sends the
 * CREATE again on the new connection with the same CreateGuid, SMB2_FLAGS_REPLAY_OPERATION and
 * the new ChannelSequence (MS-SMB2 3.2.4.1.1 / 3.3.5.9.10): the caller gets its file, and the
 * server holds exactly one open of it, never the first one orphaned beside a second (which
 * would keep its share modes until the durable timeout). Samba 4.17 itself closes an open whose
 * answer never reached the client and does not find the CreateGuid from the new connection's
 * smbd process, so there the replay is answered as a new open; before the replay the caller got
 * {@code SmbConnectionLostException} instead of its file.
 */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = SambaBackend.LOCAL) // smbstatus reads the local smbd's databases
class CreateReplayTest {
    @RegisterExtension
    static final FaultMatrix MATRIX = new FaultMatrix();

    private static final int CREATE = 0x0005;

    @Test
    void aCreateWhoseAnswerWasLostIsReplayedAndTheServerHoldsOneOpen(SambaServer server) throws Exception {
        MATRIX.cell("cut after CREATE reached the server", true, "success, one open on the server (CREATE replayed)");
        Path conf = ((LocalSmbd) server).configFile();
        String name = Through.unique("replay") + ".txt";
        try (Through t = Through.start(server, true).connected()) {
            // counts (and forwards unchanged) the CREATE requests sent as replays, and their ChannelSequence
            int[] channelSequence = {-1};
            FrameRule replays = t.proxy.clientToServer().rewrite(Frames.replay(CREATE), 0, f -> {
                channelSequence[0] = (f[8] & 0xFF) | (f[9] & 0xFF) << 8;
                return f;
            });
            FrameRule cut = t.proxy.serverToClient().cutAt(Frames.finalResponse(CREATE), 1);

            FaultMatrix.Outcome<SmbFile> o = FaultMatrix.outcome(t.tree.openSend(name, OpenOptions.write()));

            assertThat(cut.fired()).as("the CREATE's answer was cut off").isEqualTo(1);
            assertThat(o.failure()).as("the open").isNull();
            assertThat(replays.fired()).as("CREATEs sent with SMB2_FLAGS_REPLAY_OPERATION").isEqualTo(1);
            assertThat(channelSequence[0]).as("the replay's ChannelSequence (the reconnection's)").isEqualTo(1);
            try (SmbFile f = o.value()) {
                assertThat(f.isDurable()).as("the replayed open is durable").isTrue();
                f.writeSend(0, "replayed".getBytes(StandardCharsets.US_ASCII)).await();
                assertThat(opensOf(conf, name)).as("opens of the file on the server (smbstatus -L)").isEqualTo(1);
                try (Direct other = Direct.connect(server)) {
                    assertThatThrownBy(() -> other.tree.open(name, OpenOptions.read().withShareAccess(0)).close())
                            .as("an exclusive open by another client while ours is open")
                            .isInstanceOf(SmbSharingViolationException.class);
                }
            }
            assertThat(opensOf(conf, name)).as("opens of the file on the server after our CLOSE").isZero();
            try (Direct other = Direct.connect(server)) {
                // nothing orphaned holds share modes: another client opens the file exclusively at once
                try (SmbFile exclusive = other.tree.open(name, OpenOptions.read().withShareAccess(0))) {
                    assertThat(exclusive.size()).isEqualTo("replayed".length());
                }
                other.tree.delete(name);
            }
            MATRIX.observed("the file opened, " + replays.fired() + " replayed CREATE, 1 open on the server");
        }
    }

    /** Lines of {@code smbstatus -L} (Samba's open files, disconnected durable ones included) naming {@code name}. */
    static long opensOf(Path conf, String name) throws Exception {
        Process p = new ProcessBuilder("smbstatus", "-L", "-s", conf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("smbstatus ended").isTrue();
        return out.lines().filter(l -> l.contains(name)).count();
    }

    /** A second client straight to the server (no proxy, no reconnection). */
    private record Direct(SmbClient client, SmbConnection conn, SmbTree tree) implements AutoCloseable {
        static Direct connect(SambaServer server) {
            SmbClient client = SmbClient.create(SmbConfig.builder().build());
            SmbConnection conn = client.connect(server.host(), server.port());
            SmbTree tree = conn.sessionSetup(Through.credentials(server)).treeConnect(server.share());
            return new Direct(client, conn, tree);
        }

        @Override
        public void close() {
            try {
                conn.close();
            } finally {
                client.close();
            }
        }
    }
}
