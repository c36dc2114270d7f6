package dev.smbco.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FileDigests;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * FSCTL_SRV_REQUEST_RESUME_KEY + FSCTL_SRV_COPYCHUNK_WRITE on a 256 MiB file, verified by SHA-256
 * and compared with download-then-upload by what crosses the network (a counting proxy): the
 * server-side copy moves well under 1 MiB, the classic way at least twice the file. Times are
 * printed for information only.
 */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class ServerSideCopyTest {
    private static final long SIZE = 256L * 1024 * 1024;

    @Test
    void a256MiBServerSideCopyIsIdenticalAndComparedWithDownloadAndUpload(SambaServer server, @TempDir Path tmp) throws Exception {
        Path local = tmp.resolve("source.bin");
        String sourceHash = writeRandom(local, SIZE);
        LongAdder traffic = new LongAdder();
        try (FaultProxy proxy = FaultProxy.start(server); Ops ops = Ops.open(proxy.front(server))) {
            for (var direction : List.of(proxy.clientToServer(), proxy.serverToClient())) {
                direction.rewrite(frame -> {
                    traffic.add(frame.length);
                    return false;
                }, 0, frame -> frame);
            }
            String dir = Ops.unique("sscopy");
            ops.tree.mkdir(dir);
            try (SmbFile up = ops.tree.open(dir + "/source.bin", OpenOptions.write())) {
                up.uploadSend(local).await();
            }

            traffic.reset();
            long t0 = System.nanoTime();
            long copied;
            try (SmbFile source = ops.tree.open(dir + "/source.bin", OpenOptions.read());
                 SmbFile target = ops.tree.open(dir + "/copy.bin", OpenOptions.write())) {
                copied = source.copyTo(target);
            }
            long serverSide = System.nanoTime() - t0;
            long serverSideBytes = traffic.sumThenReset();
            assertThat(copied).isEqualTo(SIZE);
            assertThat(serverSideBytes).as("bytes on the wire for a server-side copy of 256 MiB").isLessThan(1 << 20);
            assertThat(ops.tree.stat(dir + "/copy.bin").size()).isEqualTo(SIZE);

            // the classic way: download to the client, upload back
            Path roundTrip = tmp.resolve("roundtrip.bin");
            long t1 = System.nanoTime();
            try (SmbFile source = ops.tree.open(dir + "/source.bin", OpenOptions.read())) {
                source.downloadSend(roundTrip).await();
            }
            try (SmbFile target = ops.tree.open(dir + "/copy2.bin", OpenOptions.write())) {
                target.uploadSend(roundTrip).await();
            }
            long viaClient = System.nanoTime() - t1;
            assertThat(traffic.sumThenReset()).as("bytes on the wire for download + upload").isGreaterThanOrEqualTo(2 * SIZE);

            Path back = tmp.resolve("copy-back.bin");
            try (SmbFile copy = ops.tree.open(dir + "/copy.bin", OpenOptions.read())) {
                copy.downloadSend(back).await();
            }
            assertThat(FileDigests.sha256(back)).as("the server-side copy").isEqualTo(sourceHash);
            Path back2 = tmp.resolve("copy2-back.bin");
            try (SmbFile copy = ops.tree.open(dir + "/copy2.bin", OpenOptions.read())) {
                copy.downloadSend(back2).await();
            }
            assertThat(FileDigests.sha256(back2)).as("the download+upload copy").isEqualTo(sourceHash);
            System.out.printf("server-side copy of 256 MiB: %d ms (%.0f MiB/s); download+upload: %d ms (%.0f MiB/s) [%s]%n",
                    serverSide / 1_000_000, 256e9 / serverSide, viaClient / 1_000_000, 256e9 / viaClient, server.describe());
            ops.tree.deleteTree(dir);
        }
    }

    @Test
    void aCopyOfAPartLandsAtTheTargetOffset(SambaServer server) {
        try (Ops ops = Ops.open(server)) {
            String name = Ops.unique("sscopy");
            byte[] data = new byte[3 * 1024 * 1024 + 17];
            new Random(7).nextBytes(data);
            try (SmbFile f = ops.tree.open(name + ".src", OpenOptions.write())) {
                f.write(0, data);
            }
            try (SmbFile source = ops.tree.open(name + ".src", OpenOptions.read());
                 SmbFile target = ops.tree.open(name + ".dst", OpenOptions.write())) {
                assertThat(source.copyToSend(target, 1000, 10, 2 * 1024 * 1024 + 5).await()).isEqualTo(2 * 1024 * 1024 + 5);
                var back = target.read(10, 2 * 1024 * 1024 + 5);
                try {
                    byte[] got = new byte[back.readableBytes()];
                    back.readBytes(got);
                    assertThat(got).isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 1000 + 2 * 1024 * 1024 + 5));
                } finally {
                    back.release();
                }
            }
            ops.tree.delete(name + ".src");
            ops.tree.delete(name + ".dst");
        }
    }

    private static String writeRandom(Path file, long size) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        Random random = new Random(42);
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += buf.length) {
                random.nextBytes(buf);
                md.update(buf);
                out.write(buf);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

}
