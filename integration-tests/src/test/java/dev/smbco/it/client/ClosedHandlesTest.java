package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClosedException;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Using a session after LOGOFF, a tree after TREE_DISCONNECT or a file after CLOSE fails at once,
 * locally, with {@link SmbClosedException} naming the operation, the path and what was closed;
 * nothing is sent, so the connection (and on it a new session or tree) stays usable. On the
 * encrypted share this matters most: a request encrypted with a dropped session's keys would have
 * been answered with a frame we can no longer decrypt, tearing the connection down.
 */
@ExtendWith(SambaExtension.class)
class ClosedHandlesTest {
    private static final byte[] DATA = "closed handles".getBytes(StandardCharsets.US_ASCII);

    /** The request ended before anyone waited for it (nothing went to the server) with the expected message. */
    private static void failsFast(Supplier<Request<?>> send, String message) {
        Request<?> r = send.get();
        assertThatThrownBy(r::await).isInstanceOf(SmbClosedException.class).hasMessage(message);
        assertThat(r.state()).isEqualTo(RequestState.FAILED);
    }

    private static SmbFile create(SmbTree tree, String path) {
        SmbFile f = tree.open(path, OpenOptions.write());
        f.write(0, DATA);
        return f;
    }

    @ParameterizedTest
    @ValueSource(strings = {SambaServer.SHARE, SambaServer.ENCRYPTED_SHARE})
    void afterLogoffSessionTreesAndFilesFailFastAndTheConnectionLivesOn(String share, SambaServer server) {
        SmbConfig config = SmbConfig.defaults();
        try (Smb smb = Smb.open(server, config, share)) {
            String dir = Smb.uniqueDir("closed");
            smb.tree.mkdir(dir);
            SmbFile f = create(smb.tree, dir + "/a.txt");
            SmbSession session = smb.session;
            String sid = "session 0x" + Long.toHexString(session.sessionId()) + " on " + server.host() + " is logged off";

            session.logoff();

            assertThat(session.isOpen()).isFalse();
            assertThat(smb.tree.isOpen()).isFalse();
            assertThat(f.isOpen()).isFalse();
            String unc = smb.tree.unc();
            failsFast(() -> smb.tree.listSend(dir), "CREATE " + unc + "\\" + dir + ": " + sid);
            failsFast(() -> smb.tree.statSend(dir + "/a.txt"), "CREATE " + unc + "\\" + dir + "\\a.txt: " + sid);
            failsFast(() -> f.readSend(0, 10), "READ " + unc + "\\" + dir + "\\a.txt: " + sid);
            ByteBuf data = Unpooled.wrappedBuffer(DATA);
            failsFast(() -> f.writeSend(0, data), "WRITE " + unc + "\\" + dir + "\\a.txt: " + sid);
            assertThat(data.refCnt()).as("the refused WRITE gave its slice back").isEqualTo(1);
            data.release();
            failsFast(() -> session.treeConnectSend(share), "TREE_CONNECT \\\\" + server.host() + "\\" + share + ": " + sid);
            failsFast(session::logoffSend, "LOGOFF \\\\" + server.host() + ": " + sid);
            failsFast(smb.tree::disconnectSend, "TREE_DISCONNECT " + unc + ": " + sid);
            f.close(); // the server closed the handle with the session: closing it here sends nothing and succeeds
            session.close(); // already logged off: nothing to do
            smb.tree.close();

            assertThat(smb.conn.isOpen()).isTrue();
            smb.conn.echo();
            SmbTree again = smb.conn.sessionSetup(Smb.user(server)).treeConnect(share);
            assertThat(again.list(dir)).extracting(e -> e.name()).containsExactly("a.txt");
            again.deleteTree(dir);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {SambaServer.SHARE, SambaServer.ENCRYPTED_SHARE})
    void afterTreeDisconnectTheTreeAndItsFilesFailFastAndTheSessionLivesOn(String share, SambaServer server) {
        try (Smb smb = Smb.open(server, SmbConfig.defaults(), share)) {
            String dir = Smb.uniqueDir("closed");
            smb.tree.mkdir(dir);
            SmbFile f = create(smb.tree, dir + "/a.txt");
            String unc = smb.tree.unc();
            String gone = "tree " + unc + " is disconnected";

            smb.tree.disconnect();

            assertThat(smb.tree.isOpen()).isFalse();
            assertThat(f.isOpen()).isFalse();
            assertThat(smb.session.isOpen()).isTrue();
            failsFast(() -> smb.tree.listSend(dir), "CREATE " + unc + "\\" + dir + ": " + gone);
            failsFast(() -> smb.tree.mkdirSend(dir + "/b"), "CREATE " + unc + "\\" + dir + "\\b: " + gone);
            failsFast(() -> f.readSend(0, 10), "READ " + unc + "\\" + dir + "\\a.txt: " + gone);
            failsFast(f::flushSend, "FLUSH " + unc + "\\" + dir + "\\a.txt: " + gone);
            failsFast(smb.tree::disconnectSend, "TREE_DISCONNECT " + unc + ": " + gone);
            f.close();
            smb.tree.close();

            SmbTree again = smb.session.treeConnect(share);
            assertThat(again.list(dir)).extracting(e -> e.name()).containsExactly("a.txt");
            again.deleteTree(dir);
        }
    }

    @Test
    void afterCloseTheHandleFailsFastAndTheTreeLivesOn(SambaServer server) {
        try (Smb smb = Smb.open(server)) {
            String dir = Smb.uniqueDir("closed");
            smb.tree.mkdir(dir);
            SmbFile f = create(smb.tree, dir + "/a.txt");
            String path = smb.tree.unc() + "\\" + dir + "\\a.txt";

            f.close();

            assertThat(f.isOpen()).isFalse();
            failsFast(() -> f.readSend(0, 10), "READ " + path + ": the file handle is closed");
            failsFast(() -> f.writeSend(0, DATA), "WRITE " + path + ": the file handle is closed");
            failsFast(f::closeSend, "CLOSE " + path + ": the file handle is closed");
            f.close(); // idempotent
            assertThat(smb.tree.list(dir)).extracting(e -> e.size()).isEqualTo(List.of((long) DATA.length));
            smb.tree.deleteTree(dir);
        }
    }
}
