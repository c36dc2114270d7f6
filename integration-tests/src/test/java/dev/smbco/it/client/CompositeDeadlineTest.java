package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SmbConfig#compositeTimeout()}: one deadline for a whole composite. The FaultProxy holds
 * every response of one kind back for a while, each far within the 10 s request timeout, but the
 * composite's requests together take longer than its overall deadline: it fails with
 * {@link SmbTimeoutException} naming the operation and the deadline, its requests are cancelled,
 * and the connection goes on (the same operation completes once the delay is gone).
 */
@ExtendWith(SambaExtension.class)
class CompositeDeadlineTest {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration OVERALL = Duration.ofSeconds(1);

    @TempDir
    Path tmp;

    /** Delays every final response to {@code command} by {@code millis} (the proxy's pump sleeps). */
    private static FrameRule delay(FaultProxy proxy, Command command, long millis) {
        return proxy.serverToClient().rewrite(Frames.finalResponse(command.code()), 0, frame -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return frame;
        });
    }

    @Test
    void mkdirsOfADeepPathFailsAtItsOverallDeadlineAndTheConnectionGoesOn(SambaServer server) {
        String deep = Smb.uniqueDir("deadline") + "/a/b/c/d/e/f/g";
        SmbConfig config = SmbConfig.builder().requestTimeout(REQUEST_TIMEOUT).compositeTimeout(OVERALL).build();
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server), config, server.share())) {
            FrameRule slow = delay(proxy, Command.CREATE, 300); // 8 CREATEs: 2.4 s in all
            assertThatThrownBy(() -> smb.tree.mkdirs(deep))
                    .isInstanceOf(SmbTimeoutException.class)
                    .hasMessageStartingWith("mkdirs \\\\")
                    .hasMessageEndingWith(": not done within its overall deadline of 1 s");
            slow.remove();
            smb.tree.mkdirs(deep);
            assertThat(smb.tree.stat(deep).isDirectory()).isTrue();
            smb.tree.deleteTree(deep.substring(0, deep.indexOf('/')));
        }
    }

    @Test
    void withoutAnOverallDeadlineTheSameSlowMkdirsCompletes(SambaServer server) {
        String deep = Smb.uniqueDir("deadline") + "/a/b/c/d/e/f/g";
        SmbConfig config = SmbConfig.builder().requestTimeout(REQUEST_TIMEOUT).build();
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server), config, server.share())) {
            delay(proxy, Command.CREATE, 300);
            smb.tree.mkdirs(deep);
            assertThat(smb.tree.stat(deep).isDirectory()).isTrue();
            proxy.serverToClient().clear();
            smb.tree.deleteTree(deep.substring(0, deep.indexOf('/')));
        }
    }

    @Test
    void aDownloadFailsAtItsOverallDeadlineItsReadsCancelledTheHandleUsable(SambaServer server) throws Exception {
        byte[] data = new byte[4 << 20];
        new Random(3).nextBytes(data);
        String name = Smb.uniqueDir("deadline") + ".bin";
        try (Smb direct = Smb.open(server)) {
            direct.tree.writeFile(name, OpenOptions.write(), io.netty.buffer.Unpooled.wrappedBuffer(data));
        }
        // 64 KiB READs: 64 of them, each answered 100 ms late
        SmbConfig config = SmbConfig.builder().requestTimeout(REQUEST_TIMEOUT).compositeTimeout(OVERALL).maxIoSize(65536).build();
        Path target = tmp.resolve("down.bin");
        try (FaultProxy proxy = FaultProxy.start(server); Smb smb = Smb.open(proxy.front(server), config, server.share());
             SmbFile f = smb.tree.open(name, OpenOptions.read())) {
            FrameRule slow = delay(proxy, Command.READ, 100);
            assertThatThrownBy(() -> f.downloadSend(target).await())
                    .isInstanceOf(SmbTimeoutException.class)
                    .hasMessageStartingWith("download \\\\")
                    .hasMessageContaining(name)
                    .hasMessageEndingWith("not done within its overall deadline of 1 s");
            slow.remove();
            io.netty.buffer.ByteBuf b = f.read(0, 16);
            try {
                assertThat(b.readableBytes()).isEqualTo(16);
            } finally {
                b.release();
            }
            assertThat(f.downloadSend(target).await()).isEqualTo(data.length);
            assertThat(Files.readAllBytes(target)).isEqualTo(data);
        }
        try (Smb direct = Smb.open(server)) {
            direct.tree.delete(name);
        }
    }
}
