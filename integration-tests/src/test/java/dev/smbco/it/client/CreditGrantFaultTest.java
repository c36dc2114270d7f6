package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbCreditShortfallException;
import dev.smbco.coro.Coroutine;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, bad input: a server that stops granting credits mid-transfer. The proxy rewrites the
 * CreditResponse of every response to 0 (plain session: nothing signed to break). The client never
 * fails for it and never waits for a grant that cannot come: READs and WRITEs sized for the
 * window the server granted before are sent again in smaller pieces
 * ({@link SmbCreditShortfallException} never reaches the caller), down to the one credit MS-SMB2
 * 3.3.1.2 guarantees; the connection goes on, slower, one request at a time, and every byte
 * arrives where it belongs.
 */
@ExtendWith(SambaExtension.class)
class CreditGrantFaultTest {
    /** MS-SMB2 2.2.1.2: CreditRequest/CreditResponse, 2 bytes at offset 14 of the header. */
    private static final int CREDIT_OFFSET = 14;

    @Test
    void aServerThatStopsGrantingSlowsTransfersDownToTheGuaranteedCreditAndLosesNothing(SambaServer server, @TempDir Path tmp)
            throws Exception {
        Path source = tmp.resolve("source.bin");
        long size = 32L << 20;
        LowCreditTest.writeRandom(source, size, 18);
        byte[] expected = Files.readAllBytes(source);
        String name = Smb.uniqueDir("zero-grant") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server),
                     SmbConfig.builder().creditTarget(256).requestTimeout(Duration.ofSeconds(30)).build(), server.share())) {
            Coroutine.start(smb.client.loop(), co -> {
                try (SmbFile f = co.await(smb.tree.openSend(name, OpenOptions.write()))) {
                    return co.await(f.uploadSend(source));
                }
            }).await();
            FrameRule zero;
            try (SmbFile f = smb.tree.open(name, OpenOptions.readWrite())) {
                int before = f.maxReadSize();
                zero = proxy.serverToClient().rewrite(
                        frame -> Frames.isSmb2(frame) && (frame[Frames.FLAGS_OFFSET] & 1) != 0, 0, frame -> {
                            byte[] copy = frame.clone();
                            copy[CREDIT_OFFSET] = 0;
                            copy[CREDIT_OFFSET + 1] = 0;
                            return copy;
                        });
                // each download starts with READs sized for the old window and spends credits that
                // never come back; the first runs the window dry, the second runs on one credit
                for (int i = 0; i < 2; i++) {
                    Path back = tmp.resolve("back-" + i + ".bin");
                    long got = Coroutine.start(smb.client.loop(), co -> co.await(f.downloadSend(back))).await();
                    assertThat(got).as("download %d, rule fired %d times", i, zero.fired()).isEqualTo(size);
                    assertThat(Files.readAllBytes(back)).as("download %d", i).isEqualTo(expected);
                }
                assertThat(zero.fired()).isGreaterThan(100);
                assertThat(f.maxReadSize()).isLessThan(before).isGreaterThanOrEqualTo(64 * 1024);

                // a single read and a single write larger than the window holds now: shrunk, not failed
                ByteBuf head = f.read(0, 4 << 20);
                try {
                    assertThat(ByteBufUtil.getBytes(head)).isEqualTo(Arrays.copyOf(expected, 4 << 20));
                } finally {
                    head.release();
                }
                byte[] patch = new byte[3 << 20];
                new java.util.Random(7).nextBytes(patch);
                assertThat(f.write(1 << 20, patch)).isEqualTo(patch.length);
                System.arraycopy(patch, 0, expected, 1 << 20, patch.length);
            }
            assertThat(smb.tree.stat(name).size()).isEqualTo(size);
            smb.conn.echo();
            zero.remove();
            Path after = tmp.resolve("after.bin");
            Coroutine.start(smb.client.loop(), co -> {
                try (SmbFile f = co.await(smb.tree.openSend(name, OpenOptions.read()))) {
                    return co.await(f.downloadSend(after));
                }
            }).await();
            assertThat(Files.readAllBytes(after)).isEqualTo(expected);
            smb.tree.delete(name);
        }
    }
}
