package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbReplayMismatchException;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.ResponseRewrites;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue #12's bad input: a server that answers a resent request otherwise than the request needs.
 * A WRITE (or READ) reaches the server, the connection is cut before its answer comes back, the
 * client reconnects and sends it again, and the proxy rewrites the server's answer to that resent
 * request ({@link ResentRequests}). A WRITE answered short, with more than was sent or with a
 * failure status fails with {@link SmbReplayMismatchException} naming the file, the range and the
 * answer, within {@link FaultMatrix#NOTICE} of the answer: never a success, never a hang. A READ
 * answered short is continued from exactly where the answer stopped: the caller gets every byte.
 */
@ExtendWith(SambaExtension.class)
class ReplayedAnswersTest {
    @RegisterExtension
    static final FaultMatrix MATRIX = new FaultMatrix();

    private static final int READ = 0x0008;
    private static final int WRITE = 0x0009;
    private static final int LENGTH = 256 * 1024;
    private static final long AT = 4096;
    private static final String TYPED = "SmbReplayMismatchException naming the range, <= 1 s";

    /** What the server answers to the resent WRITE instead of what it did. */
    enum Answer {
        SHORT_COUNT("Count " + LENGTH / 2, ResponseRewrites.writeCount(n -> n / 2)),
        NO_COUNT("Count 0", ResponseRewrites.writeCount(n -> 0)),
        LONGER_COUNT("Count " + (LENGTH + 1), ResponseRewrites.writeCount(n -> n + 1)),
        DISK_FULL("STATUS_DISK_FULL (0xC000007F)", ResponseRewrites.failWith(0xC000007F)),
        FILE_CLOSED("STATUS_FILE_CLOSED (0xC0000128)", ResponseRewrites.failWith(0xC0000128));

        final String named;
        final UnaryOperator<byte[]> rewrite;

        Answer(String named, UnaryOperator<byte[]> rewrite) {
            this.named = named;
            this.rewrite = rewrite;
        }
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Answer.class)
    void aResentWriteAnsweredOtherwiseFailsNamingTheMismatch(Answer answer, SambaServer server) throws Exception {
        MATRIX.cell("resent WRITE answered " + answer.named, true, TYPED);
        String name = Through.unique("rewrite");
        try (Through t = Through.start(server, true).connected()) {
            AtomicBoolean cut = new AtomicBoolean();
            ResentRequests resent = new ResentRequests(t.proxy, WRITE, cut::get, answer.rewrite);
            SmbFile f = t.tree.open(name, OpenOptions.readWrite());
            try {
                FrameRule held = t.proxy.serverToClient().hold(Frames.finalResponse(WRITE), 1);
                var write = f.writeSend(AT, random(LENGTH));
                assertThat(held.awaitFired(Duration.ofSeconds(10))).as("the server answered the first sending").isTrue();
                cut.set(true);
                assertThat(t.proxy.cut()).isEqualTo(1);

                FaultMatrix.Outcome<Long> o = FaultMatrix.outcome(write);

                assertThat(resent.rewrite().fired()).as("the answer to the resent WRITE was rewritten").isEqualTo(1);
                String seen = FaultMatrix.typedFailure(o, SmbReplayMismatchException.class, resent.rewrite().firstFiredNanos(), FaultMatrix.NOTICE);
                SmbReplayMismatchException e = (SmbReplayMismatchException) o.failure();
                assertThat(e.path()).endsWith(name);
                assertThat(e.offset()).isEqualTo(AT);
                assertThat(e.sent()).isEqualTo(LENGTH);
                assertThat(e.answer()).isEqualTo(answer.named);
                assertThat(e.getMessage()).contains(name).contains("offset " + AT).contains(LENGTH + " bytes").contains(answer.named);
                f.writeSend(0, new byte[] {1}).await(); // the handle stays usable
                MATRIX.observed(seen + ": " + e.answer());
            } finally {
                f.close();
            }
            t.tree.delete(name);
        }
    }

    @Test
    void aResentWriteOfAnUploadAnsweredShortFailsTheUpload(SambaServer server, @TempDir Path tmp) throws Exception {
        MATRIX.cell("cut mid-upload, resent WRITE answered short", true, TYPED);
        Path source = Through.randomFile(tmp, "source", 16 << 20);
        String name = Through.unique("upload-rewrite");
        try (Through t = Through.start(server, true).connected()) {
            FrameRule[] cutRule = new FrameRule[1];
            ResentRequests resent = new ResentRequests(t.proxy, WRITE, () -> cutRule[0].fired() > 0, ResponseRewrites.writeCount(n -> n / 2));
            cutRule[0] = t.proxy.clientToServer().cutAt(Frames.command(WRITE), 3);
            SmbFile f = t.tree.open(name, OpenOptions.write());
            try {
                FaultMatrix.Outcome<Long> o = FaultMatrix.outcome(f.uploadSend(source));
                assertThat(cutRule[0].fired()).as("the cut happened").isEqualTo(1);
                assertThat(resent.rewrite().fired()).as("the answer to a resent WRITE was rewritten").isEqualTo(1);
                String seen = FaultMatrix.typedFailure(o, SmbReplayMismatchException.class, resent.rewrite().firstFiredNanos(), FaultMatrix.NOTICE);
                SmbReplayMismatchException e = (SmbReplayMismatchException) o.failure();
                assertThat(e.offset()).as("the range named is the resent one").isEqualTo(resent.resentOffset());
                assertThat(e.answer()).isEqualTo("Count " + e.sent() / 2);
                MATRIX.observed(seen + " at offset " + e.offset());
            } finally {
                f.close();
            }
            t.tree.delete(name);
        }
    }

    @Test
    void aResentReadAnsweredShortIsContinuedWithoutAGap(SambaServer server, @TempDir Path tmp) throws Exception {
        MATRIX.cell("resent READ answered short", true, "success, same data (continued at the exact offset)");
        Path source = Through.randomFile(tmp, "source", LENGTH);
        String name = Through.unique("read-rewrite");
        try (Through t = Through.start(server, true).connected()) {
            try (SmbFile f = t.tree.open(name, OpenOptions.write())) {
                f.uploadSend(source).await();
            }
            AtomicBoolean cut = new AtomicBoolean();
            ResentRequests resent = new ResentRequests(t.proxy, READ, cut::get, ResponseRewrites.readTrimmedTo(n -> n / 3));
            try (SmbFile f = t.tree.open(name, OpenOptions.read())) {
                FrameRule held = t.proxy.serverToClient().hold(Frames.finalResponse(READ), 1);
                var read = f.readSend(0, LENGTH);
                assertThat(held.awaitFired(Duration.ofSeconds(10))).as("the server answered the first sending").isTrue();
                cut.set(true);
                assertThat(t.proxy.cut()).isEqualTo(1);

                FaultMatrix.Outcome<ByteBuf> o = FaultMatrix.outcome(read);

                assertThat(resent.rewrite().fired()).as("the answer to the resent READ was rewritten").isEqualTo(1);
                assertThat(o.failure()).as("no failure").isNull();
                try {
                    assertThat(ByteBufUtil.getBytes(o.value())).as("every byte, in place").isEqualTo(Files.readAllBytes(source));
                } finally {
                    o.value().release();
                }
                MATRIX.observed("success, same data (the short answer continued)");
            }
            t.tree.delete(name);
        }
    }
}
