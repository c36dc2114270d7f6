package dev.smbco.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.engine.MessageSecurity;
import dev.smbco.client.engine.TestSecurity;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestCancelledException;
import dev.smbco.coro.RequestState;
import dev.smbco.coro.SingleThreadLoop;
import dev.smbco.protocol.crypto.MessageSigner;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import dev.smbco.protocol.crypto.TailDigest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** writeSend's signed path: digest on a virtual thread, then the WRITE; cancellation and failure on either side. */
@ExtendWith(NoLeaks.class)
class DigestedWriteTest {
    private final SingleThreadLoop loop = new SingleThreadLoop("digested-write-test");
    private final MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_GMAC, new byte[16]);
    /** WRITEs handed to the engine: their data, digest and completer. */
    private final List<Sent> sent = new CopyOnWriteArrayList<>();

    private record Sent(ByteBuf data, TailDigest digest, Completer<Long> completer) {
    }

    /** A session whose digests wait for {@code gate} (null: at once) and then fail when asked to. */
    private MessageSecurity security(CountDownLatch gate, boolean fail) {
        return security(gate, fail ? new IllegalStateException("digest failed") : null);
    }

    /** As above, throwing {@code failure} (an Error, say) instead of digesting. */
    private MessageSecurity security(CountDownLatch gate, Throwable failure) {
        return new TestSecurity() {
            @Override
            public TailDigest digestTail(ByteBuf tail) {
                if (gate != null) {
                    try {
                        gate.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (failure instanceof RuntimeException re) {
                    throw re;
                }
                if (failure instanceof Error e) {
                    throw e;
                }
                return signer.digestTail(tail);
            }
        };
    }

    private Request<Long> start(MessageSecurity security) {
        return start(security, Duration.ofSeconds(30));
    }

    private Request<Long> start(MessageSecurity security, Duration timeout) {
        ByteBuf data = ByteBufAllocator.DEFAULT.directBuffer(100_000).writeZero(100_000);
        return DigestedWrite.start(loop, security, data, timeout, (slice, digest) -> {
            Completer<Long> c = Completer.create(loop);
            sent.add(new Sent(slice, digest, c));
            c.onCancel(() -> c.cancelled());
            return c.request();
        });
    }

    @AfterEach
    void releaseAndStop() {
        sent.forEach(s -> s.data().release());
        loop.close();
    }

    @Test
    void returnsAtOnceAndSendsTheWriteWithItsDigestOnceMade() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Request<Long> r = start(security(gate, false));
        assertThat(r.state()).isEqualTo(RequestState.IN_PROGRESS);
        assertThat(sent).isEmpty();
        gate.countDown();
        waitFor(() -> sent.size() == 1);
        assertThat(sent.get(0).digest().length()).isEqualTo(100_000);
        sent.get(0).completer().complete(100_000L);
        assertThat(r.await()).isEqualTo(100_000L);
    }

    @Test
    void cancelledWhileDigestingEndsCancelledAndSendsNothing() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Request<Long> r = start(security(gate, false));
        assertThat(r.cancel()).isTrue();
        gate.countDown();
        assertThatThrownBy(r::await).isInstanceOf(RequestCancelledException.class);
        Thread.sleep(200); // the digest thread finishes and must not send
        assertThat(sent).isEmpty();
    }

    @Test
    void cancelledAfterSendingCancelsTheWrite() throws Exception {
        Request<Long> r = start(security(null, false));
        waitFor(() -> sent.size() == 1);
        assertThat(r.cancel()).isTrue();
        assertThatThrownBy(r::await).isInstanceOf(RequestCancelledException.class);
        assertThat(sent.get(0).completer().request().state()).isEqualTo(RequestState.CANCELLED);
    }

    @Test
    void aFailedDigestFailsTheRequestAndReleasesTheData() {
        Request<Long> r = start(security(null, true));
        assertThatThrownBy(r::await).isInstanceOf(IllegalStateException.class).hasMessage("digest failed");
        assertThat(sent).isEmpty(); // NoLeaks: the data was released
    }

    /** Netty's OutOfDirectMemoryError is an Error: it must fail the request, not kill the digest thread silently. */
    @Test
    void anErrorWhileDigestingFailsTheRequestAndReleasesTheData() {
        Request<Long> r = start(security(null, new OutOfMemoryError("direct memory exhausted")));
        assertThatThrownBy(r::await).isInstanceOf(SmbException.class).hasMessageContaining("direct memory exhausted")
                .hasCauseInstanceOf(OutOfMemoryError.class);
        assertThat(sent).isEmpty(); // NoLeaks: the data was released
    }

    /** Like every request, it has a deadline: a digest that never comes back does not hold it for ever. */
    @Test
    void aDigestThatHangsEndsTheRequestAtItsDeadlineAndTheDataIsReleasedLater() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        Request<Long> r = start(security(gate, (Throwable) null), Duration.ofMillis(50));
        assertThatThrownBy(r::await).isInstanceOf(SmbTimeoutException.class);
        assertThat(r.state()).isEqualTo(RequestState.TIMED_OUT);
        gate.countDown();
        Thread.sleep(200); // the digest thread finishes and must not send; NoLeaks: it releases the data
        assertThat(sent).isEmpty();
    }

    @Test
    void aFailedWriteFailsTheRequest() throws Exception {
        Request<Long> r = start(security(null, false));
        waitFor(() -> sent.size() == 1);
        sent.get(0).completer().fail(new SmbException("server said no"));
        assertThatThrownBy(r::await).isInstanceOf(SmbException.class).hasMessage("server said no");
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
