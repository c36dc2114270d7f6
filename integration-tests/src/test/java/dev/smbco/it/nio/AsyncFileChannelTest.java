package dev.smbco.it.nio;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Credentials;
import dev.smbco.client.LockRange;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.CompletionHandler;
import java.nio.channels.FileLock;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code AsynchronousFileChannel.open} on smb:// (#14): positional reads and writes, handlers, locks, the closed channel. */
@ExtendWith(SambaExtension.class)
class AsyncFileChannelTest {

    @Test
    void manyWritesAtOncePutEveryByteInPlaceAndReadsFindThem(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server)) {
            Path file = share.dir.resolve("async.bin");
            int blocks = 64;
            int size = 64 * 1024;
            try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(file, WRITE, CREATE)) {
                List<Future<Integer>> writes = new ArrayList<>();
                for (int i = blocks - 1; i >= 0; i--) { // out of order, all in flight together
                    byte[] b = new byte[size];
                    java.util.Arrays.fill(b, (byte) i);
                    writes.add(ch.write(ByteBuffer.wrap(b), (long) i * size));
                }
                for (Future<Integer> w : writes) {
                    assertThat(w.get(60, TimeUnit.SECONDS)).isEqualTo(size);
                }
                ch.force(true);
                assertThat(ch.size()).isEqualTo((long) blocks * size);
            }
            ExecutorService handlers = Executors.newSingleThreadExecutor();
            try (AsynchronousFileChannel ch = AsynchronousFileChannel.open(file, Set.of(READ), handlers)) {
                ByteBuffer dst = ByteBuffer.allocate(size);
                CompletableFuture<Integer> got = new CompletableFuture<>();
                CompletableFuture<String> thread = new CompletableFuture<>();
                ch.read(dst, 37L * size, "attachment", new CompletionHandler<Integer, String>() {
                    @Override
                    public void completed(Integer n, String a) {
                        thread.complete(Thread.currentThread().getName() + " " + a);
                        got.complete(n);
                    }

                    @Override
                    public void failed(Throwable t, String a) {
                        got.completeExceptionally(t);
                    }
                });
                assertThat(got.get(60, TimeUnit.SECONDS)).isEqualTo(size);
                assertThat(thread.get()).as("the handler runs on the given executor").startsWith("pool-").endsWith(" attachment");
                dst.flip();
                while (dst.hasRemaining()) {
                    assertThat(dst.get()).isEqualTo((byte) 37);
                }
                assertThat(ch.read(ByteBuffer.allocate(10), (long) blocks * size).get()).as("at the end").isEqualTo(-1);
                assertThatThrownBy(() -> ch.write(ByteBuffer.allocate(1), 0)).isInstanceOf(NonWritableChannelException.class);
            } finally {
                handlers.shutdown();
            }
        }
    }

    @Test
    void truncateLockAndTheClosedChannel(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server)) {
            Path file = Files.writeString(share.dir.resolve("lock.txt"), "0123456789");
            AsynchronousFileChannel ch = AsynchronousFileChannel.open(file, READ, WRITE);
            ch.truncate(4);
            assertThat(ch.size()).isEqualTo(4);
            FileLock lock = ch.lock(0, 4, false).get(60, TimeUnit.SECONDS);
            assertThat(lock.isValid()).isTrue();
            try (AsynchronousFileChannel other = AsynchronousFileChannel.open(file, READ, WRITE)) {
                assertThatThrownBy(() -> other.tryLock(0, 4, false)).as("a range held through this file system, as in one JVM")
                        .isInstanceOf(OverlappingFileLockException.class);
                assertThatThrownBy(() -> other.lock(2, 1, true)).isInstanceOf(OverlappingFileLockException.class);
                lock.release();
                FileLock second = other.tryLock(0, 4, false);
                assertThat(second).isNotNull();
                second.release();
            }
            try (SmbClient client = SmbClient.create(); // another client: the server refuses its range
                    SmbConnection conn = client.connect(server.host(), server.port())) {
                SmbSession session = conn.sessionSetup(Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain()));
                SmbTree tree = session.treeConnect(server.share());
                try (SmbFile theirs = tree.open(share.dir.getFileName() + "\\lock.txt", OpenOptions.readWrite().withShareAccess(ShareAccess.ALL))) {
                    theirs.lock(LockRange.exclusive(0, 2), true);
                    assertThat(ch.tryLock(1, 1, false)).as("a range another client holds is refused at once").isNull();
                    FileLock free = ch.tryLock(2, 2, false);
                    assertThat(free).as("the rest of the file is free").isNotNull();
                    free.release();
                    theirs.unlock(LockRange.exclusive(0, 2));
                }
            }
            ch.close();
            assertThat(ch.isOpen()).isFalse();
            assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(4), 0).get())
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(ClosedChannelException.class);
            assertThatThrownBy(ch::size).isInstanceOf(ClosedChannelException.class);
            assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).isEqualTo("0123");
        }
    }
}
