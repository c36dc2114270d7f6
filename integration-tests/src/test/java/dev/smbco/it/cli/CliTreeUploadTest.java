package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cp -r} of a local tree into a new directory on a share: the tree is built under one
 * hidden temporary name and renamed as a whole, so each small file is one CREATE + WRITE + CLOSE
 * round trip (no rename of its own); a file that fails is left out, reported under the name the
 * user gave, and no temporary name remains.
 */
@ExtendWith(SambaExtension.class)
class CliTreeUploadTest {
    private static final int FILES = 30;

    @TempDir
    Path tmp;

    @AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }

    private Path tree() throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src"));
        Random r = new Random(5);
        for (int i = 0; i < FILES; i++) {
            Path d = Files.createDirectories(src.resolve("d" + (i % 3)));
            byte[] data = new byte[100 + i * 37];
            r.nextBytes(data);
            Files.write(d.resolve("f" + i + ".bin"), data);
        }
        return src;
    }

    /** The commands of every part of an SMB2 frame (a compound has several). */
    private static boolean hasPart(byte[] frame, Command command) {
        if (!Frames.isSmb2(frame)) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int start = 0;
        while (true) {
            if (b.getShort(start + Frames.COMMAND_OFFSET) == command.code()) {
                return true;
            }
            int next = b.getInt(start + 20);
            if (next == 0 || start + next >= frame.length) {
                return false;
            }
            start += next;
        }
    }

    @Test
    void aNewTreeIsRenamedOnceAndEachSmallFileIsOneRoundTrip(SambaServer server) throws IOException {
        Path src = tree();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = new Cli(server).mkdir().via(proxy.front(server));
            AtomicInteger renames = new AtomicInteger();
            AtomicInteger writes = new AtomicInteger();
            proxy.clientToServer().rewrite(f -> {
                if (hasPart(f, Command.SET_INFO)) {
                    renames.incrementAndGet();
                }
                if (hasPart(f, Command.WRITE)) {
                    writes.incrementAndGet();
                }
                return false;
            }, 0, f -> f);
            Cli.Result up = cli.run("cp", "-r", src.toString(), cli.url("tree"));
            assertThat(up.status()).as(up.toString()).isZero();
            assertThat(writes.get()).as("frames with a WRITE: one per file").isEqualTo(FILES);
            assertThat(renames.get()).as("frames with a SET_INFO: the tree's one rename").isEqualTo(1);
            assertThat(cli.run("ls", cli.url("")).out()).as("no temporary name left").isEqualTo("tree/\n");

            Path back = tmp.resolve("back");
            assertThat(cli.run("cp", "-r", cli.url("tree"), back.toString()).status()).isZero();
            Map<String, String> expected = Cli.sha256Tree(src);
            assertThat(Cli.sha256Tree(back)).isEqualTo(expected);
        }
    }

    /** MS-ERREF STATUS_DISK_FULL. */
    private static final int STATUS_DISK_FULL = 0xC000007F;

    /** Sets the status of the WRITE part of a compound response. */
    private static byte[] failWrite(byte[] frame) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int start = 0;
        while (true) {
            if (b.getShort(start + Frames.COMMAND_OFFSET) == Command.WRITE.code()) {
                b.putInt(start + Frames.STATUS_OFFSET, STATUS_DISK_FULL);
            }
            int next = b.getInt(start + 20);
            if (next == 0) {
                return frame;
            }
            start += next;
        }
    }

    @Test
    void aFileThatFailsIsLeftOutAndNamedAsTheUserGaveIt(SambaServer server) throws IOException {
        Path src = tree();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Cli cli = new Cli(server).mkdir().via(proxy.front(server));
            FrameRule fail = proxy.serverToClient().rewrite(f -> hasPart(f, Command.WRITE), 5, CliTreeUploadTest::failWrite);
            Cli.Result up = cli.run("--parallel", "1", "cp", "-r", src.toString(), cli.url("tree"));
            assertThat(fail.fired()).isEqualTo(1);
            assertThat(up.status()).as(up.toString()).isEqualTo(1);
            assertThat(up.err()).contains("smbco: " + cli.shown("tree/")).doesNotContain("smbco-part")
                    .contains("1 of " + FILES + " files could not be copied");
            assertThat(cli.run("ls", cli.url("")).out()).as("the tree got its name; no temporary name left").isEqualTo("tree/\n");
            Cli.Result all = cli.run("ls", "-R", cli.url("tree"));
            assertThat(all.out().lines().filter(l -> l.endsWith(".bin")).count()).as(all.out()).isEqualTo(FILES - 1);
        }
    }
}
