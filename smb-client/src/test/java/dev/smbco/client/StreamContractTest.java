package dev.smbco.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import dev.smbco.coro.SingleThreadLoop;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The blocking streams keep the java.io contract (#18): a failure is an {@link IOException}
 * ({@link SmbIOException}, its cause the client's typed exception), never an unchecked one; and a
 * stream that failed once is broken for good, so a caller that catches and goes on never gets the
 * bytes after a gap.
 */
@ExtendWith(NoLeaks.class)
class StreamContractTest {
    private static final int CHUNK = 4;
    private static final int DEPTH = 2;
    private static final int SIZE = 40;

    private final SingleThreadLoop loop = new SingleThreadLoop("stream-test");

    @AfterEach
    void closeLoop() {
        loop.close();
    }

    private static byte at(long offset) {
        return (byte) (offset * 7 + 1);
    }

    /** A file of {@link #SIZE} bytes whose READ at {@code failAt} fails with {@code failure}. */
    private InputStream input(long failAt, RuntimeException failure) {
        return new SmbInputStream((offset, length) -> {
            if (offset == failAt) {
                return Requests.failed(loop, failure);
            }
            int n = (int) Math.max(0, Math.min(length, SIZE - offset));
            ByteBuf b = Unpooled.buffer(n);
            for (int i = 0; i < n; i++) {
                b.writeByte(at(offset + i));
            }
            return Requests.completed(loop, b);
        }, 0, CHUNK, DEPTH);
    }

    @Test
    void aTimedOutReadIsAnIOExceptionNotAnUncheckedOne() throws IOException {
        SmbTimeoutException timeout = new SmbTimeoutException("READ \\\\h\\s\\f: timed out after 30 s");
        try (InputStream in = input(8, timeout)) {
            byte[] got = new byte[SIZE];
            Throwable t = catchThrowable(() -> readFully(in, got));
            assertThat(t).isInstanceOf(SmbIOException.class).hasCause(timeout).hasMessageContaining("timed out after 30 s");
        }
    }

    @Test
    void afterAFailedReadEveryLaterReadThrowsNamingTheFirstFailure() throws IOException {
        SmbConnectionLostException lost = new SmbConnectionLostException("READ \\\\h\\s\\f: connection lost", true, null);
        try (InputStream in = input(8, lost)) {
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            byte[] buf = new byte[3];
            IOException first = null;
            while (first == null) {
                try {
                    int n = in.read(buf);
                    assertThat(n).as("no end of file before the failure").isPositive();
                    seen.write(buf, 0, n);
                } catch (IOException e) {
                    first = e;
                }
            }
            assertThat(first).isInstanceOf(SmbIOException.class).hasCause(lost);
            assertThat(seen.toByteArray()).as("exactly the bytes before the failed chunk").isEqualTo(expected(0, 8));
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> in.read(buf)).isInstanceOf(SmbIOException.class)
                        .hasMessageStartingWith("stream broken by an earlier failure: ")
                        .hasMessageContaining("connection lost")
                        .hasCause(lost);
            }
            assertThatThrownBy(in::read).isInstanceOf(SmbIOException.class);
            assertThatThrownBy(in::available).isInstanceOf(SmbIOException.class);
        }
    }

    @Test
    void aReadThatCannotEvenBeStartedIsAnIOException() throws IOException {
        try (InputStream in = new SmbInputStream((offset, length) -> {
            throw new java.util.concurrent.RejectedExecutionException("loop shut down");
        }, 0, CHUNK, DEPTH)) {
            assertThatThrownBy(in::read).isInstanceOf(SmbIOException.class).hasMessage("loop shut down");
            assertThatThrownBy(in::read).isInstanceOf(SmbIOException.class).hasMessageContaining("earlier failure");
        }
    }

    @Test
    void aWholeFileReadsToTheEnd() throws IOException {
        try (InputStream in = input(-1, null)) {
            assertThat(in.readAllBytes()).isEqualTo(expected(0, SIZE));
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    /** A sink recording what each WRITE carried; the WRITE at {@code failAt} fails, one at {@code shortAt} acknowledges 1 byte less. */
    private final class Recorder implements SmbOutputStream.Sink {
        final Set<Long> written = ConcurrentHashMap.newKeySet();
        final List<Long> offsets = new ArrayList<>();
        final long failAt;
        final long shortAt;
        final RuntimeException failure;

        Recorder(long failAt, long shortAt, RuntimeException failure) {
            this.failAt = failAt;
            this.shortAt = shortAt;
            this.failure = failure;
        }

        @Override
        public Request<Long> writeSend(long offset, ByteBuf data) {
            offsets.add(offset);
            if (offset == failAt) {
                return Requests.failed(loop, failure);
            }
            written.add(offset);
            long n = data.readableBytes();
            return Requests.completed(loop, offset == shortAt ? n - 1 : n);
        }
    }

    @Test
    void afterAFailedWriteEveryLaterCallThrowsNamingTheFirstFailure() throws IOException {
        SmbStatusException denied = new SmbStatusException(0xC0000022, dev.smbco.protocol.Command.WRITE, "\\\\h\\s\\f",
                "WRITE \\\\h\\s\\f: STATUS_ACCESS_DENIED (0xC0000022)");
        Recorder sink = new Recorder(4, -1, denied);
        OutputStream out = new SmbOutputStream(sink, "\\\\h\\s\\f", 0, CHUNK, DEPTH);
        IOException first = null;
        int i = 0;
        while (first == null && i < 100) {
            try {
                out.write(expected(i * CHUNK, CHUNK));
                i++;
            } catch (IOException e) {
                first = e;
            }
        }
        assertThat(first).as("a later write reports the failed WRITE").isInstanceOf(SmbIOException.class).hasCause(denied);
        int sentBefore = sink.offsets.size();
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(SmbIOException.class)
                .hasMessageStartingWith("stream broken by an earlier failure: ").hasCause(denied);
        assertThatThrownBy(out::flush).isInstanceOf(SmbIOException.class).hasMessageContaining("STATUS_ACCESS_DENIED");
        assertThatThrownBy(out::close).isInstanceOf(SmbIOException.class).hasCause(denied);
        out.close(); // closed now: a second close is quiet
        assertThat(sink.offsets).as("nothing was sent after the failure was seen").hasSize(sentBefore);
    }

    @Test
    void aWriteTheServerTookOnlyPartlyBreaksTheStream() throws IOException {
        Recorder sink = new Recorder(-1, 8, null);
        OutputStream out = new SmbOutputStream(sink, "\\\\h\\s\\f", 0, CHUNK, DEPTH);
        out.write(expected(0, 16));
        assertThatThrownBy(out::flush).isInstanceOf(SmbIOException.class)
                .hasMessageContaining("took 3 of 4 bytes");
        assertThatThrownBy(() -> out.write(1)).isInstanceOf(SmbIOException.class).hasMessageContaining("earlier failure");
        assertThatThrownBy(out::close).isInstanceOf(SmbIOException.class);
    }

    @Test
    void aTimedOutFlushIsAnIOException() {
        SmbTimeoutException timeout = new SmbTimeoutException("WRITE \\\\h\\s\\f: timed out after 30 s");
        Recorder sink = new Recorder(0, -1, timeout);
        OutputStream out = new SmbOutputStream(sink, "\\\\h\\s\\f", 0, CHUNK, DEPTH);
        assertThatThrownBy(() -> {
            out.write(1);
            out.flush();
        }).isInstanceOf(SmbIOException.class).hasCause(timeout);
        assertThatThrownBy(out::close).isInstanceOf(SmbIOException.class).hasCause(timeout);
    }

    private static byte[] expected(long from, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = at(from + i);
        }
        return b;
    }

    private static void readFully(InputStream in, byte[] into) throws IOException {
        int off = 0;
        while (off < into.length) {
            int n = in.read(into, off, into.length - off);
            if (n < 0) {
                return;
            }
            off += n;
        }
    }
}
