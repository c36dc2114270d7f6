package dev.smbco.it.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbFile;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestCancelledException;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.fscc.FileNotifyInformation;
import dev.smbco.protocol.fscc.NotifyAction;
import dev.smbco.protocol.smb2.ChangeNotifyRequest;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** CHANGE_NOTIFY: fires on another connection's change, is cancellable, ends cleanly when the connection drops. */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class ChangeNotifyTest {

    @Test
    void firesOnAFileCreatedByAnotherConnection(SambaServer server) {
        try (Ops watcher = Ops.open(server); Ops other = Ops.open(server)) {
            String dir = Ops.unique("watch");
            watcher.tree.mkdir(dir);
            try (SmbFile d = watcher.tree.open(dir, OpenOptions.directory())) {
                Request<List<FileNotifyInformation>> changes = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME, false);
                watcher.conn.echo();
                assertThat(changes.isDone()).isFalse();
                // Samba registers the watch with its notify daemon after it has answered later
                // requests (the ECHO too): under load a single change can come before it and never
                // be reported. So create files until one is.
                changeUntilReported(changes, i -> {
                    try (SmbFile f = other.tree.open(dir + "/created-elsewhere-" + i + ".txt", OpenOptions.write())) {
                        f.write(0, new byte[] {1});
                    }
                });
                List<FileNotifyInformation> got = changes.withTimeout(Duration.ofSeconds(10)).await();
                assertThat(got).isNotEmpty().allSatisfy(n -> {
                    assertThat(n).isEqualTo(new FileNotifyInformation(NotifyAction.FILE_ACTION_ADDED, n.fileName()));
                    assertThat(n.fileName()).matches("created-elsewhere-\\d+\\.txt");
                });
            }
            watcher.tree.deleteTree(dir);
        }
    }

    @Test
    void aRecursiveWatchSeesChangesInSubdirectories(SambaServer server) {
        try (Ops watcher = Ops.open(server); Ops other = Ops.open(server)) {
            String dir = Ops.unique("watch");
            watcher.tree.mkdirs(dir + "/sub");
            try (SmbFile d = watcher.tree.open(dir, OpenOptions.directory())) {
                Request<List<FileNotifyInformation>> changes = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME, true);
                watcher.conn.echo();
                changeUntilReported(changes, i -> other.tree.open(dir + "/sub/deep-" + i + ".txt", OpenOptions.write()).close());
                assertThat(changes.withTimeout(Duration.ofSeconds(10)).await()).isNotEmpty().allSatisfy(n -> {
                    assertThat(n).isEqualTo(new FileNotifyInformation(NotifyAction.FILE_ACTION_ADDED, n.fileName()));
                    assertThat(n.fileName()).matches("sub\\\\deep-\\d+\\.txt");
                });
            }
            watcher.tree.deleteTree(dir);
        }
    }

    @Test
    void theCompletionFilterDecidesWhatFires(SambaServer server) throws InterruptedException {
        try (Ops watcher = Ops.open(server); Ops other = Ops.open(server)) {
            String dir = Ops.unique("watch");
            watcher.tree.mkdir(dir);
            try (SmbFile d = watcher.tree.open(dir, OpenOptions.directory())) {
                // Samba registers a watch with its notify daemon asynchronously, after it has answered
                // later requests; under load a change made right after the ECHO can come before it.
                // So first prove the watch is live (new directories until one is reported); the server
                // then keeps tracking changes on this handle between requests (MS-SMB2 3.3.5.19), so
                // the following watches report everything that happened after that.
                Request<List<FileNotifyInformation>> probe = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_DIR_NAME, false);
                for (int i = 0; !probe.isDone() && i < 100; i++) {
                    other.tree.mkdir(dir + "/probe-" + i);
                    Thread.sleep(100);
                }
                assertThat(probe.withTimeout(Duration.ofSeconds(10)).await()).isNotEmpty();
                other.tree.open(dir + "/a-file.txt", OpenOptions.write()).close();
                other.tree.mkdir(dir + "/a-dir");
                // what the handle saw since: perhaps a late probe, then a-dir, but never the file
                List<FileNotifyInformation> seen = new ArrayList<>();
                for (int i = 0; i < 10 && seen.stream().noneMatch(n -> n.fileName().equals("a-dir")); i++) {
                    seen.addAll(d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_DIR_NAME, false)
                            .withTimeout(Duration.ofSeconds(10)).await());
                }
                assertThat(seen).contains(new FileNotifyInformation(NotifyAction.FILE_ACTION_ADDED, "a-dir"))
                        .as("a new file does not match FILE_NOTIFY_CHANGE_DIR_NAME")
                        .allMatch(n -> n.fileName().equals("a-dir") || n.fileName().startsWith("probe-"));
            }
            watcher.tree.deleteTree(dir);
        }
    }

    @Test
    void cancellingAWatchSendsCancelAndEndsItCancelled(SambaServer server) {
        try (Ops watcher = Ops.open(server)) {
            String dir = Ops.unique("watch");
            watcher.tree.mkdir(dir);
            try (SmbFile d = watcher.tree.open(dir, OpenOptions.directory())) {
                Request<List<FileNotifyInformation>> changes = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME, false);
                watcher.conn.echo();
                assertThat(changes.cancel()).isTrue();
                assertThatThrownBy(changes::await).isInstanceOf(RequestCancelledException.class);
                assertThat(changes.state()).isEqualTo(RequestState.CANCELLED);
                watcher.conn.echo(); // the connection is fine afterwards
            }
            watcher.tree.rmdir(dir);
        }
    }

    @Test
    void aDroppedConnectionEndsAWatchWithConnectionLost(SambaServer server) {
        try (FaultProxy proxy = FaultProxy.start(server); Ops watcher = Ops.open(proxy.front(server))) {
            String dir = Ops.unique("watch");
            watcher.tree.mkdir(dir);
            SmbFile d = watcher.tree.open(dir, OpenOptions.directory());
            Request<List<FileNotifyInformation>> changes = d.watchSend(ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME, false);
            watcher.conn.echo();
            proxy.cut();
            assertThatThrownBy(() -> changes.withTimeout(Duration.ofSeconds(5)).await()).isInstanceOf(SmbConnectionLostException.class);
            assertThat(changes.state()).isEqualTo(RequestState.FAILED);
        }
    }

    /** Makes change {@code i} = 0, 1, ... (100 ms apart, at most 100) until {@code watch} has ended. */
    private static void changeUntilReported(Request<?> watch, java.util.function.IntConsumer change) {
        for (int i = 0; !watch.isDone() && i < 100; i++) {
            change.accept(i);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
