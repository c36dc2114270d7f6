package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbProtocolException;
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
 * CreditResponse of every response to 0 (plain session: nothing signed to break). Requests already
 * sized beyond what is left fail at once with a typed error naming charge and grant, not a
 * timeout; the connection goes on, one request at a time, on the credit MS-SMB2 3.3.1.2 guarantees,
 * with READs shrunk to what that credit carries.
 */
@ExtendWith(SambaExtension.class)
class CreditGrantFaultTest {
    /** MS-SMB2 2.2.1.2: CreditRequest/CreditResponse, 2 bytes at offset 14 of the header. */
    private static final int CREDIT_OFFSET = 14;

    @Test
    void aServerThatStopsGrantingFailsWhatCanNeverFitTypedAndGoesOnWithTheGuaranteedCredit(SambaServer server, @TempDir Path tmp)
            throws Exception {
        Path source = tmp.resolve("source.bin");
        long size = 64L << 20;
        LowCreditTest.writeRandom(source, size, 18);
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
            try (SmbFile f = smb.tree.open(name, OpenOptions.read())) {
                int before = f.maxReadSize();
                zero = proxy.serverToClient().rewrite(
                        frame -> Frames.isSmb2(frame) && (frame[Frames.FLAGS_OFFSET] & 1) != 0, 0, frame -> {
                            byte[] copy = frame.clone();
                            copy[CREDIT_OFFSET] = 0;
                            copy[CREDIT_OFFSET + 1] = 0;
                            return copy;
                        });
                // every download spends its READs' charges and gets nothing back; how much the client
                // holds depends on the server's grants so far (interim responses add some): spend until gone
                Throwable failure = null;
                for (int i = 0; i < 16 && failure == null; i++) {
                    failure = catchThrowable(() -> Coroutine.start(smb.client.loop(),
                            co -> co.await(f.downloadSend(tmp.resolve("back.bin")))).await());
                }
                assertThat(failure).as("rule fired %d times", zero.fired())
                        .isInstanceOf(SmbProtocolException.class)
                        .hasMessageContaining("READ")
                        .hasMessageMatching("(?s).*needs \\d+ credits, but the server grants this connection only \\d+ .*");

                // slower, but on: READs shrunk to the few credits left (down to 64 KiB on the one credit
                // MS-SMB2 3.3.1.2 guarantees; how many are left when the big READ fails depends on the
                // interim responses before it), one or two at a time
                assertThat(f.maxReadSize()).isLessThan(before).isGreaterThanOrEqualTo(64 * 1024);
                ByteBuf head = f.read(0, 1 << 20);
                try {
                    byte[] expected = Arrays.copyOf(Files.readAllBytes(source), 1 << 20);
                    assertThat(ByteBufUtil.getBytes(head)).isEqualTo(expected);
                } finally {
                    head.release();
                }
            }
            assertThat(smb.tree.stat(name).size()).isEqualTo(size);
            smb.conn.echo();
            zero.remove();
            smb.tree.delete(name);
        }
    }
}
