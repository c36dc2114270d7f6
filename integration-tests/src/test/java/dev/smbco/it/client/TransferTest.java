package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.DirEntry;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import dev.smbco.testserver.FileDigests;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Large transfers, large directories, many coroutines on one connection. */
@ExtendWith(SambaExtension.class)
class TransferTest {

    private static void writeRandom(Path file, long size, long seed) throws IOException {
        Random r = new Random(seed);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += block.length) {
                r.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
    }

    /** Runs smbclient against the server; returns its exit code. */
    private static int smbclient(SambaServer server, String command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("smbclient", "//" + server.host() + "/" + server.share(), "-p",
                String.valueOf(server.port()), "-U", server.user(), "-c", command);
        pb.environment().put("PASSWD", server.password());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return p.exitValue();
    }

    @Test
    void oneGibUpAndDownKeepsItsSha256AndSmbclientAgrees(SambaServer server, @TempDir Path tmp) throws Exception {
        Path source = tmp.resolve("source.bin");
        Path back = tmp.resolve("back.bin");
        Path viaSmbclient = tmp.resolve("smbclient.bin");
        long size = (1L << 30) + 12345; // not a multiple of the chunk size
        writeRandom(source, size, 7);
        String expected = FileDigests.sha256(source);
        String name = Smb.uniqueDir("big") + ".bin";
        try (Smb smb = Smb.open(server)) {
            AtomicLong lastProgress = new AtomicLong();
            long up = Coroutine.start(smb.client.loop(), co -> {
                try (SmbFile f = co.await(smb.tree.openSend(name, OpenOptions.write()))) {
                    return co.await(f.uploadSend(source, (done, total) -> lastProgress.set(done)));
                }
            }).await();
            assertThat(up).isEqualTo(size);
            assertThat(lastProgress.get()).isEqualTo(size);
            assertThat(smb.tree.stat(name).size()).isEqualTo(size);
            long down = Coroutine.start(smb.client.loop(), co -> {
                try (SmbFile f = co.await(smb.tree.openSend(name, OpenOptions.read()))) {
                    return co.await(f.downloadSend(back));
                }
            }).await();
            assertThat(down).isEqualTo(size);
            assertThat(FileDigests.sha256(back)).isEqualTo(expected);
            assertThat(smbclient(server, "get " + name + " " + viaSmbclient)).isZero();
            assertThat(FileDigests.sha256(viaSmbclient)).isEqualTo(expected);
            smb.tree.delete(name);
        }
    }

    @Test
    void streamsReadAheadAndWriteBehind(SambaServer server) throws Exception {
        byte[] data = new byte[5_000_000 + 17];
        new Random(3).nextBytes(data);
        String name = Smb.uniqueDir("stream") + ".bin";
        try (Smb smb = Smb.open(server)) {
            try (SmbFile f = smb.tree.open(name, OpenOptions.write())) {
                try (OutputStream out = f.outputStream()) {
                    for (int i = 0; i < data.length; i += 4096) {
                        out.write(data, i, Math.min(4096, data.length - i));
                    }
                }
            }
            try (SmbFile f = smb.tree.open(name, OpenOptions.read()); InputStream in = f.inputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            ByteArrayOutputStream sink = new ByteArrayOutputStream();
            try (SmbFile f = smb.tree.open(name, OpenOptions.read())) {
                assertThat(f.downloadSend(sink, (d, t) -> { }).await()).isEqualTo(data.length);
            }
            assertThat(sink.toByteArray()).isEqualTo(data);
            try (SmbFile f = smb.tree.open(name, OpenOptions.write())) {
                assertThat(f.uploadSend(new ByteArrayInputStream(data, 0, 1000), (d, t) -> { }).await()).isEqualTo(1000);
            }
            assertThat(smb.tree.stat(name).size()).isEqualTo(1000);
            smb.tree.delete(name);
        }
    }

    @Test
    void aDirectoryOf5000EntriesListsCompletely(SambaServer server) {
        String dir = Smb.uniqueDir("many");
        int n = 5000;
        try (Smb smb = Smb.open(server)) {
            smb.tree.mkdir(dir);
            List<Request<Void>> creates = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String path = dir + "/entry-" + i + ".txt";
                creates.add(Coroutine.start(smb.client.loop(), co -> {
                    co.await(co.await(smb.tree.openSend(path, OpenOptions.createNew())).closeSend());
                    return null;
                }));
            }
            Requests.all(smb.client.loop(), creates).await();
            List<DirEntry> entries = smb.tree.list(dir);
            assertThat(entries).hasSize(n);
            Set<String> names = new HashSet<>();
            entries.forEach(e -> names.add(e.name()));
            for (int i = 0; i < n; i++) {
                assertThat(names).contains("entry-" + i + ".txt");
            }
            List<Request<Void>> deletes = new ArrayList<>();
            for (DirEntry e : entries) {
                deletes.add(smb.tree.deleteSend(dir + "/" + e.name()));
            }
            Requests.all(smb.client.loop(), deletes).await();
            smb.tree.rmdir(dir);
        }
    }

    @Test
    void a1000CoroutinesEachWorkOnTheirOwnFileOverOneConnection(SambaServer server) {
        String dir = Smb.uniqueDir("coro");
        int n = 1000;
        try (Smb smb = Smb.open(server)) {
            smb.tree.mkdir(dir);
            List<Request<Boolean>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String path = dir + "/f" + i;
                byte[] content = ("coroutine " + i + " ").repeat(1 + i % 50).getBytes(StandardCharsets.UTF_8);
                all.add(Coroutine.start(smb.client.loop(), co -> {
                    SmbFile f = co.await(smb.tree.openSend(path, OpenOptions.write()));
                    try {
                        co.await(f.writeSend(0, content));
                        ByteBuf back = co.await(f.readSend(0, content.length + 100));
                        try {
                            return ByteBufUtil.getBytes(back).length == content.length
                                    && java.util.Arrays.equals(ByteBufUtil.getBytes(back), content);
                        } finally {
                            back.release();
                        }
                    } finally {
                        co.await(f.closeSend());
                    }
                }));
            }
            List<Boolean> results = Requests.all(smb.client.loop(), all).await();
            assertThat(results).hasSize(n).containsOnly(true);
            smb.tree.deleteTree(dir);
        }
    }
}
