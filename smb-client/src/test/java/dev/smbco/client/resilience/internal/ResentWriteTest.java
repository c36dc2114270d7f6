package dev.smbco.client.resilience.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbReplayMismatchException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.SingleThreadLoop;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.status.NtStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The answer to a resent WRITE: all of it, or a mismatch named; a lost connection passes for Resend to send again. */
class ResentWriteTest {
    private static final String PATH = "\\\\srv\\share\\x.bin";
    private final SingleThreadLoop loop = new SingleThreadLoop("resent-write-test");

    @AfterEach
    void close() {
        loop.close();
    }

    private Request<Long> answered(java.util.function.Consumer<Completer<Long>> answer) {
        Completer<Long> sent = Completer.create(loop);
        Request<Long> checked = ResentWrite.checked(loop, sent.request(), PATH, 4096, 1000);
        loop.execute(() -> answer.accept(sent));
        return checked;
    }

    @Test
    void theWholeLengthIsTheAnswerAWriteNeeds() {
        assertThat(answered(c -> c.complete(1000L)).await()).isEqualTo(1000L);
    }

    @Test
    void aShortCountIsAMismatchNamingTheRange() {
        Throwable t = catchThrowable(() -> answered(c -> c.complete(500L)).await());
        assertThat(t).isInstanceOf(SmbReplayMismatchException.class)
                .hasMessage("WRITE \\\\srv\\share\\x.bin: 1000 bytes at offset 4096 sent again after a reconnection, the server answered "
                        + "Count 500; what the server holds in that range is unknown");
        SmbReplayMismatchException e = (SmbReplayMismatchException) t;
        assertThat(e.offset()).isEqualTo(4096);
        assertThat(e.sent()).isEqualTo(1000);
        assertThat(e.status()).isZero();
    }

    @Test
    void aLargerCountIsAMismatchToo() {
        Throwable t = catchThrowable(() -> answered(c -> c.complete((long) (int) 0xFFFFFFF0L)).await());
        assertThat(((SmbReplayMismatchException) t).answer()).isEqualTo("Count 4294967280");
    }

    @Test
    void aFailureStatusIsAMismatchCarryingTheStatus() {
        SmbStatusException full = new SmbStatusException(NtStatus.STATUS_DISK_FULL, Command.WRITE, PATH, "WRITE " + PATH + ": disk full");
        Throwable t = catchThrowable(() -> answered(c -> c.fail(full)).await());
        assertThat(t).isInstanceOf(SmbReplayMismatchException.class).hasCause(full);
        assertThat(((SmbReplayMismatchException) t).answer()).isEqualTo("STATUS_DISK_FULL (0xC000007F)");
        assertThat(((SmbReplayMismatchException) t).status()).isEqualTo(NtStatus.STATUS_DISK_FULL);
    }

    @Test
    void aLostConnectionPassesUnchangedForResendToSendAgain() {
        SmbConnectionLostException lost = new SmbConnectionLostException("lost again", true, null);
        assertThat(catchThrowable(() -> answered(c -> c.fail(lost)).await())).isSameAs(lost);
    }
}
