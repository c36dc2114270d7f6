package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault matrix, a network that is slow rather than broken: a stall (no byte either way) longer
 * than the request timeout, a shorter one, and a slow-loris server that answers one byte every
 * 100 ms. The user sees success when the stall ends within the deadline and a typed timeout within
 * {@link FaultMatrix#NOTICE} of the deadline otherwise; nothing hangs.
 */
@ExtendWith(SambaExtension.class)
class StallFaultsTest {
    @RegisterExtension
    static final FaultMatrix MATRIX = new FaultMatrix();

    private static final int READ = 0x0008;
    private static final byte[] DATA = "the content that a stall delays".getBytes(StandardCharsets.UTF_8);

    private static SmbFile fileWithData(Through t, String name) {
        SmbFile f = t.tree.open(name, OpenOptions.readWrite());
        f.write(0, DATA);
        return f;
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void stallLongerThanTheRequestTimeout(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("stall longer than the request timeout", reconnect, "typed timeout <= 1 s after the deadline");
        String name = Through.unique("stall-long");
        try (Through t = Through.start(server, reconnect).connected()) {
            try (SmbFile f = fileWithData(t, name)) {
                t.proxy.stall();
                long sent = System.nanoTime();
                FaultMatrix.Outcome<ByteBuf> o = FaultMatrix.outcome(f.readSend(0, 100));
                long deadline = sent + Through.REQUEST_TIMEOUT.toNanos();
                MATRIX.observed(FaultMatrix.typedFailure(o, SmbTimeoutException.class, deadline, FaultMatrix.NOTICE)
                        + " after the deadline");
                t.proxy.resume();
            } catch (dev.smbco.client.SmbException | dev.smbco.coro.RequestTimeoutException closeAfterStall) {
                // the CLOSE queued behind the stalled bytes may time out too: typed, and bounded
            }
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void stallShorterThanTheRequestTimeout(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("stall shorter than the request timeout", reconnect, "success, same data");
        String name = Through.unique("stall-short");
        try (Through t = Through.start(server, reconnect).connected()) {
            try (SmbFile f = fileWithData(t, name)) {
                t.proxy.stall();
                var read = f.readSend(0, 100);
                Thread.sleep(Through.REQUEST_TIMEOUT.toMillis() / 3);
                assertThat(read.isDone()).as("waiting while stalled").isFalse();
                t.proxy.resume();
                FaultMatrix.Outcome<ByteBuf> o = FaultMatrix.outcome(read);
                assertThat(o.failure()).as("no failure").isNull();
                try {
                    assertThat(ByteBufUtil.getBytes(o.value())).isEqualTo(DATA);
                } finally {
                    o.value().release();
                }
                MATRIX.observed("success, same data, after a " + Through.REQUEST_TIMEOUT.toMillis() / 3 + " ms stall");
            }
            t.tree.delete(name);
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void slowLorisServer(boolean reconnect, SambaServer server) throws Exception {
        MATRIX.cell("slow-loris server (1 byte / 100 ms)", reconnect, "typed timeout <= 1 s after the deadline");
        String name = Through.unique("loris");
        try (Through t = Through.start(server, reconnect).connected()) {
            try (SmbFile f = fileWithData(t, name)) {
                FrameRule loris = t.proxy.serverToClient().trickle(Frames.finalResponse(READ), 0, Duration.ofMillis(100));
                long sent = System.nanoTime();
                FaultMatrix.Outcome<ByteBuf> o = FaultMatrix.outcome(f.readSend(0, 100));
                assertThat(loris.fired()).as("the reply trickled").isGreaterThan(0);
                long deadline = sent + Through.REQUEST_TIMEOUT.toNanos();
                MATRIX.observed(FaultMatrix.typedFailure(o, SmbTimeoutException.class, deadline, FaultMatrix.NOTICE)
                        + " after the deadline");
                loris.remove();
            } catch (dev.smbco.client.SmbException | dev.smbco.coro.RequestTimeoutException closeBehindTheTrickle) {
                // the CLOSE waits behind the trickling reply and times out too: typed, and bounded
            }
        }
    }
}
