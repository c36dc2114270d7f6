package dev.smbco.it.nio;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code FileSystem.newWatchService()} on smb:// (#14): SMB2 CHANGE_NOTIFY behind the JDK's WatchService contract. */
@ExtendWith(SambaExtension.class)
class WatchServiceTest {

    /**
     * "kind name" for each event of the signalled key, collected until every one of {@code expected}
     * has been seen (a server may report more: opening a file to delete it can touch it first) or
     * 20 s have passed.
     */
    private static List<String> events(WatchService ws, WatchKey expectedKey, String... expected) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!seen.containsAll(List.of(expected)) && System.nanoTime() < deadline) {
            WatchKey k = ws.poll(500, TimeUnit.MILLISECONDS);
            if (k == null) {
                continue;
            }
            assertThat(k).isSameAs(expectedKey);
            for (WatchEvent<?> e : k.pollEvents()) {
                seen.add(e.kind().name() + " " + e.context());
            }
            assertThat(k.reset()).isTrue();
        }
        return seen;
    }

    /**
     * The server registers a CHANGE_NOTIFY a moment after it is sent: create probe files until one
     * is reported, so the test's own changes cannot happen before the watch is live.
     */
    private static void untilLive(WatchService ws, WatchKey key, Path dir) throws Exception {
        for (int i = 0; i < 50; i++) {
            Path probe = Files.createFile(dir.resolve("probe-" + i));
            WatchKey k = ws.poll(200, TimeUnit.MILLISECONDS);
            Files.delete(probe);
            if (k != null) {
                assertThat(k).isSameAs(key);
                Thread.sleep(300); // let the probe's delete arrive, then drop both
                k.pollEvents();
                k.reset();
                WatchKey more = ws.poll(300, TimeUnit.MILLISECONDS);
                if (more != null) {
                    more.pollEvents();
                    more.reset();
                }
                return;
            }
        }
        throw new AssertionError("the watch never reported a probe file");
    }

    @Test
    void createModifyAndDeleteArriveAsTheJdksEventsRelativeToTheDirectory(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server); WatchService ws = share.fs.newWatchService()) {
            WatchKey key = share.dir.register(ws, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            assertThat(key.watchable()).isEqualTo(share.dir);
            untilLive(ws, key, share.dir);

            Path file = share.dir.resolve("report.txt");
            Files.writeString(file, "first");
            assertThat(events(ws, key, "ENTRY_CREATE report.txt")).contains("ENTRY_CREATE report.txt");
            Files.writeString(file, "second, longer");
            assertThat(events(ws, key, "ENTRY_MODIFY report.txt")).contains("ENTRY_MODIFY report.txt");
            Files.move(file, share.dir.resolve("renamed.txt"));
            assertThat(events(ws, key, "ENTRY_DELETE report.txt", "ENTRY_CREATE renamed.txt"))
                    .containsSubsequence("ENTRY_DELETE report.txt", "ENTRY_CREATE renamed.txt");
            Files.delete(share.dir.resolve("renamed.txt"));
            assertThat(events(ws, key, "ENTRY_DELETE renamed.txt")).contains("ENTRY_DELETE renamed.txt");
        }
    }

    @Test
    void onlyTheKindsAskedForAreReported(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server); WatchService ws = share.fs.newWatchService()) {
            WatchKey key = share.dir.register(ws, ENTRY_DELETE);
            Path file = Files.writeString(share.dir.resolve("gone.txt"), "x");
            // a delete-only watch: make sure it is live with a probe that is deleted
            for (int i = 0; i < 50; i++) {
                Path probe = Files.createFile(share.dir.resolve("p" + i));
                Files.delete(probe);
                WatchKey k = ws.poll(200, TimeUnit.MILLISECONDS);
                if (k != null) {
                    Thread.sleep(300);
                    k.pollEvents();
                    k.reset();
                    break;
                }
            }
            Files.writeString(share.dir.resolve("new.txt"), "created, not reported");
            Files.delete(file);
            List<String> seen = events(ws, key, "ENTRY_DELETE gone.txt");
            assertThat(seen).contains("ENTRY_DELETE gone.txt");
            assertThat(seen).noneMatch(s -> s.startsWith("ENTRY_CREATE") || s.startsWith("ENTRY_MODIFY"));
        }
    }

    @Test
    void cancelCloseAndWrongArgumentsFollowTheContract(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server)) {
            WatchService ws = share.fs.newWatchService();
            WatchKey key = share.dir.register(ws, ENTRY_CREATE);
            assertThat(share.dir.register(ws, ENTRY_CREATE, ENTRY_DELETE)).as("one key per directory").isSameAs(key);
            key.cancel();
            assertThat(key.isValid()).isFalse();
            assertThat(key.reset()).isFalse();
            assertThat(share.dir.register(ws, ENTRY_CREATE)).as("a cancelled key is replaced").isNotSameAs(key);

            Path file = Files.writeString(share.dir.resolve("plain.txt"), "x");
            assertThatThrownBy(() -> file.register(ws, ENTRY_CREATE)).isInstanceOf(NotDirectoryException.class)
                    .hasMessageContaining("plain.txt");
            try (WatchService local = FileSystems.getDefault().newWatchService()) {
                assertThatThrownBy(() -> share.dir.register(local, ENTRY_CREATE)).isInstanceOf(ProviderMismatchException.class);
            }

            Thread taker = Thread.ofVirtual().start(() -> {
                assertThatThrownBy(ws::take).isInstanceOf(ClosedWatchServiceException.class);
            });
            Thread.sleep(200);
            ws.close();
            taker.join(5000);
            assertThat(taker.isAlive()).as("take() woke up when the service closed").isFalse();
            assertThatThrownBy(ws::poll).isInstanceOf(ClosedWatchServiceException.class);
            assertThatThrownBy(() -> share.dir.register(ws, ENTRY_CREATE)).isInstanceOf(ClosedWatchServiceException.class);
        }
    }
}
