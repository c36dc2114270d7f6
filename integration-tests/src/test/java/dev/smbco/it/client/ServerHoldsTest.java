package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbNoProgressException;
import dev.smbco.client.SmbSizeMismatchException;
import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.ResponseRewrites;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Never a success for data the server does not hold (#19 item 2): the FaultProxy makes the server
 * say it took fewer bytes than sent (WRITE Count), returned fewer than asked (READ DataLength),
 * copied nothing (COPYCHUNK), or holds another size (CLOSE EndofFile). Short WRITEs and READs are
 * continued and the result checked byte for byte through a fresh, direct connection; no progress
 * and a size mismatch fail with their typed errors.
 */
@ExtendWith(SambaExtension.class)
class ServerHoldsTest {
    private static final int SIZE = 3 * 1024 * 1024 + 517;
    /** A safety net for the old code's endless loops, not a figure under test. */
    private static final Duration NO_HANG = Duration.ofSeconds(60);

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    /** Halves the first {@code times} matching values, leaves later ones alone. */
    private static IntUnaryOperator halveFirst(int times) {
        AtomicInteger seen = new AtomicInteger();
        return n -> seen.incrementAndGet() <= times ? n / 2 : n;
    }

    /** What the server holds under {@code name}, read through a connection of its own. */
    private static byte[] onServer(SambaServer server, String name) {
        try (Smb direct = Smb.open(server); SmbFile f = direct.tree.open(name, OpenOptions.read())) {
            ByteBuf b = f.read(0, (int) f.size() + 1);
            try {
                return ByteBufUtil.getBytes(b);
            } finally {
                b.release();
            }
        }
    }

    private static void put(SambaServer server, String name, byte[] data) {
        try (Smb direct = Smb.open(server); SmbFile f = direct.tree.open(name, OpenOptions.write())) {
            f.write(0, data);
        }
    }

    @Test
    void aWriteTheServerTookOnlyPartlyIsContinuedFromWhereItStopped(SambaServer server) {
        byte[] data = random(SIZE);
        String name = Smb.uniqueDir("short-write") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server))) {
            FrameRule rule = proxy.serverToClient().rewrite(Frames.finalResponse(Command.WRITE.code()), 0,
                    ResponseRewrites.writeCount(halveFirst(3)));
            try (SmbFile f = smb.tree.open(name, OpenOptions.write())) {
                assertThat(f.write(0, data)).isEqualTo(SIZE);
            }
            assertThat(rule.fired()).as("WRITE responses seen by the proxy").isGreaterThanOrEqualTo(4);
        }
        assertThat(onServer(server, name)).as("the server holds every byte, in place").isEqualTo(data);
    }

    @Test
    void anUploadWhoseWritesTheServerTookOnlyPartlyIsByteExact(SambaServer server, @TempDir Path tmp) throws Exception {
        byte[] data = random(SIZE);
        Path local = Files.write(tmp.resolve("up.bin"), data);
        String name = Smb.uniqueDir("short-upload") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server))) {
            proxy.serverToClient().rewrite(Frames.finalResponse(Command.WRITE.code()), 0, ResponseRewrites.writeCount(halveFirst(2)));
            try (SmbFile f = smb.tree.open(name, OpenOptions.write())) {
                assertThat(f.uploadSend(local).await()).isEqualTo(SIZE);
            } // the CLOSE checks the size: it must agree
            try (SmbFile f = smb.tree.open(name + ".stream", OpenOptions.write()); OutputStream out = f.outputStream()) {
                out.write(data);
            }
        }
        assertThat(onServer(server, name)).isEqualTo(data);
        assertThat(onServer(server, name + ".stream")).isEqualTo(data);
    }

    @Test
    void aServerThatAcceptsNoDataFailsTheWriteAtOnceWithATypedError(SambaServer server) {
        String name = Smb.uniqueDir("count0") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server))) {
            FrameRule rule = proxy.serverToClient().rewrite(Frames.finalResponse(Command.WRITE.code()), 0,
                    ResponseRewrites.writeCount(n -> 0));
            try (SmbFile f = smb.tree.open(name, OpenOptions.write())) {
                Throwable t = catchThrowable(() -> f.writeSend(4096, random(100_000)).withTimeout(NO_HANG).await());
                assertThat(t).isInstanceOf(SmbNoProgressException.class)
                        .hasMessageContaining("server accepted no data at offset 4096")
                        .hasMessageContaining(name);
                assertThat(((SmbNoProgressException) t).offset()).isEqualTo(4096);
                assertThat(rule.fired()).as("one WRITE, not a retry loop").isEqualTo(1);
                smb.conn.echo(); // the connection stays usable
            }
        }
    }

    @Test
    void anUploadWhoseCloseReportsAnotherSizeFailsNamingBothSizes(SambaServer server, @TempDir Path tmp) throws Exception {
        byte[] data = random(SIZE);
        Path local = Files.write(tmp.resolve("up.bin"), data);
        String name = Smb.uniqueDir("eof") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server))) {
            FrameRule rule = proxy.serverToClient().rewrite(Frames.finalResponse(Command.CLOSE.code()), 0,
                    ResponseRewrites.closeEndOfFile(eof -> 65_424));
            SmbFile f = smb.tree.open(name, OpenOptions.write());
            f.uploadSend(local).await();
            Throwable t = catchThrowable(f::close);
            assertThat(t).isInstanceOf(SmbSizeMismatchException.class)
                    .hasMessageContaining("the server holds 65424 bytes, " + SIZE + " were written");
            assertThat(((SmbSizeMismatchException) t).expected()).isEqualTo(SIZE);
            assertThat(((SmbSizeMismatchException) t).actual()).isEqualTo(65_424);
            assertThat(f.isOpen()).as("the handle is closed all the same").isFalse();
            assertThat(rule.fired()).isEqualTo(1);

            // the explicit check, for callers that wrote with writeSend
            SmbFile g = smb.tree.open(name, OpenOptions.write());
            g.write(0, new byte[10]);
            assertThat(catchThrowable(() -> g.close(10))).isInstanceOf(SmbSizeMismatchException.class);
        }
    }

    @Test
    void theSizeCheckAgreesWithTheRealServerAndACloseWithoutAttributesIsUnknown(SambaServer server) {
        String name = Smb.uniqueDir("noattr") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server))) {
            SmbFile f = smb.tree.open(name, OpenOptions.write());
            f.write(0, new byte[1234]);
            f.close(1234); // Samba answers with the attributes, and they agree

            FrameRule rule = proxy.serverToClient().rewrite(Frames.finalResponse(Command.CLOSE.code()), 0,
                    ResponseRewrites.closeWithoutAttributes());
            SmbFile g = smb.tree.open(name, OpenOptions.write());
            g.write(0, new byte[10]);
            g.close(999_999); // no attributes although asked: cannot tell, so no mismatch
            assertThat(rule.fired()).isEqualTo(1);
            assertThat(g.isOpen()).isFalse();
        }
    }

    @Test
    void aShortReadBeforeTheEndIsContinued(SambaServer server, @TempDir Path tmp) throws Exception {
        byte[] data = random(SIZE);
        String name = Smb.uniqueDir("short-read") + ".bin";
        put(server, name, data);
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server))) {
            FrameRule rule = proxy.serverToClient().rewrite(Frames.finalResponse(Command.READ.code()), 0,
                    ResponseRewrites.readTrimmedTo(halveFirst(3)));
            try (SmbFile f = smb.tree.open(name, OpenOptions.read())) {
                ByteBuf whole = f.read(0, SIZE + 100);
                try {
                    assertThat(ByteBufUtil.getBytes(whole)).as("one read of the whole file").isEqualTo(data);
                } finally {
                    whole.release();
                }
                assertThat(rule.matched()).isGreaterThanOrEqualTo(4);

                rule.remove();
                proxy.serverToClient().rewrite(Frames.finalResponse(Command.READ.code()), 0,
                        ResponseRewrites.readTrimmedTo(halveFirst(3)));
                Path down = tmp.resolve("down.bin");
                assertThat(f.downloadSend(down).await()).isEqualTo(SIZE);
                assertThat(Files.readAllBytes(down)).as("a download").isEqualTo(data);

                proxy.serverToClient().clear();
                proxy.serverToClient().rewrite(Frames.finalResponse(Command.READ.code()), 0,
                        ResponseRewrites.readTrimmedTo(halveFirst(3)));
                try (InputStream in = f.inputStream()) {
                    assertThat(in.readAllBytes()).as("the input stream").isEqualTo(data);
                }
            }
        }
    }

    @Test
    void aServerSideCopyThatCopiesNothingFailsTypedInsteadOfLooping(SambaServer server) {
        String name = Smb.uniqueDir("copy0");
        put(server, name + ".src", random(200_000));
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server))) {
            proxy.serverToClient().rewrite(Frames.finalResponse(Command.IOCTL.code()), 0, ResponseRewrites.copyChunkWroteNothing());
            try (SmbFile src = smb.tree.open(name + ".src", OpenOptions.read());
                 SmbFile dst = smb.tree.open(name + ".dst", OpenOptions.write())) {
                Throwable t = catchThrowable(() -> src.copyToSend(dst).withTimeout(NO_HANG).await());
                assertThat(t).isInstanceOf(SmbNoProgressException.class).hasMessageContaining("COPYCHUNK")
                        .hasMessageContaining("server copied no data at offset 0");
            }
        }
    }
}
