package dev.smbco.testserver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault proxy against a loopback echo server: what goes in one way comes back the other. */
class FaultProxyTest {
    private EchoServer echo;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new EchoServer();
        proxy = FaultProxy.start(echo.address());
    }

    @AfterEach
    void stop() throws Exception {
        proxy.close();
        echo.close();
    }

    @Test
    void forwardsFramesBothWays() throws IOException {
        try (Socket s = connect()) {
            byte[] big = new byte[200_000];
            Arrays.fill(big, (byte) 7);
            writeFrame(s, "one".getBytes(StandardCharsets.US_ASCII));
            writeFrame(s, big);
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("one");
            assertThat(readFrame(s)).isEqualTo(big);
        }
        assertThat(proxy.acceptedConnections()).isEqualTo(1);
    }

    @Test
    void passesNonFramedStreamsThroughRaw() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write("hello, raw world".getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readNBytes(16), StandardCharsets.US_ASCII)).isEqualTo("hello, raw world");
        }
    }

    @Test
    void cutResetsBothSides() throws Exception {
        try (Socket s = connect()) {
            writeFrame(s, new byte[] {1});
            assertThat(readFrame(s)).containsExactly(1);
            assertThat(proxy.cut()).isEqualTo(1);
            assertThat(endsPromptly(s)).isTrue();
            assertThat(echo.nextEnding()).isIn("reset", "eof");
            assertThat(proxy.openConnections()).isZero();
        }
        // a cut is not the end of the proxy: new connections work
        try (Socket s = connect()) {
            writeFrame(s, new byte[] {2});
            assertThat(readFrame(s)).containsExactly(2);
        }
    }

    @Test
    void stallHoldsDataUntilResume() throws IOException {
        try (Socket s = connect()) {
            proxy.stall();
            writeFrame(s, "held".getBytes(StandardCharsets.US_ASCII));
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(proxy.openConnections()).isEqualTo(1);
            proxy.resume();
            s.setSoTimeout(10_000);
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("held");
        }
    }

    @Test
    void corruptsOnlyTheNthMatchingServerFrame() throws Exception {
        FrameRule rule = proxy.serverToClient().corrupt(frame -> frame[0] == 'X', 2, 1);
        try (Socket s = connect()) {
            for (String f : new String[] {"Xa0", "Yb0", "Xc0", "Xd0"}) {
                writeFrame(s, f.getBytes(StandardCharsets.US_ASCII));
            }
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("Xa0");
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("Yb0");
            assertThat(readFrame(s)).containsExactly('X', ~'c', '0');
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("Xd0");
        }
        assertThat(rule.awaitFired(Duration.ofSeconds(1))).isTrue();
        assertThat(rule.fired()).isEqualTo(1);
        assertThat(rule.matched()).isEqualTo(2);
    }

    @Test
    void rewritesClientFramesWithNewLengths() throws IOException {
        FrameRule rule = proxy.clientToServer().rewrite(Frames.any(), 0, f -> (new String(f, StandardCharsets.US_ASCII) + "-longer").getBytes(StandardCharsets.US_ASCII));
        try (Socket s = connect()) {
            writeFrame(s, "a".getBytes(StandardCharsets.US_ASCII));
            writeFrame(s, "b".getBytes(StandardCharsets.US_ASCII));
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("a-longer");
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("b-longer");
        }
        assertThat(rule.fired()).isEqualTo(2);
    }

    @Test
    void judgesFramesThatArriveByteByByte() throws IOException {
        FrameRule rule = proxy.serverToClient().rewrite(Frames.any(), 1, f -> "rewritten".getBytes(StandardCharsets.US_ASCII));
        try (Socket s = connect()) {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            for (byte b : framed("original".getBytes(StandardCharsets.US_ASCII))) {
                out.write(b);
                out.flush();
            }
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("rewritten");
        }
        assertThat(rule.fired()).isEqualTo(1);
    }

    @Test
    void dropsAFrameAndCutsAtAnother() throws Exception {
        FrameRule drop = proxy.serverToClient().drop(f -> f[0] == 'd', 1);
        FrameRule cut = proxy.serverToClient().cutAt(f -> f[0] == 'c', 1);
        try (Socket s = connect()) {
            // one write, so the cut cannot race the client's own sending
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (String f : new String[] {"d1", "k2", "c3", "k4"}) {
                all.write(framed(f.getBytes(StandardCharsets.US_ASCII)));
            }
            s.getOutputStream().write(all.toByteArray());
            assertThat(readFrame(s)).asString(StandardCharsets.US_ASCII).isEqualTo("k2");
            assertThat(endsPromptly(s)).isTrue();
        }
        assertThat(drop.fired()).isEqualTo(1);
        assertThat(cut.awaitFired(Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void refusesConnectionsBeyondTheLimit() throws Exception {
        try (FaultProxy one = FaultProxy.start(echo.address(), 1); Socket first = new Socket(one.host(), one.port())) {
            writeFrame(first, new byte[] {1});
            assertThat(readFrame(first)).containsExactly(1);
            try (Socket second = new Socket(one.host(), one.port())) {
                second.setSoTimeout(10_000);
                assertThat(endsPromptly(second)).isTrue();
            }
            writeFrame(first, new byte[] {2});
            assertThat(readFrame(first)).containsExactly(2);
        }
    }

    @Test
    void closeEndsConnectionsAndStopsListening() throws Exception {
        Socket s = connect();
        writeFrame(s, new byte[] {1});
        assertThat(readFrame(s)).containsExactly(1);
        proxy.close();
        assertThat(endsPromptly(s)).isTrue();
        s.close();
        assertThatThrownBy(() -> new Socket(proxy.host(), proxy.port()).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void onlyForwardsToLoopback() {
        assertThatThrownBy(() -> FaultProxy.start(new InetSocketAddress("192.0.2.1", 445)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(proxy.host(), proxy.port());
        s.setSoTimeout(10_000);
        return s;
    }

    /** True when the peer's end arrives as end of stream or reset (never a timeout). */
    private static boolean endsPromptly(Socket s) throws IOException {
        s.setSoTimeout(10_000);
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketTimeoutException timeout) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    private static byte[] framed(byte[] payload) {
        byte[] f = new byte[4 + payload.length];
        f[1] = (byte) (payload.length >>> 16);
        f[2] = (byte) (payload.length >>> 8);
        f[3] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 4, payload.length);
        return f;
    }

    private static void writeFrame(Socket s, byte[] payload) throws IOException {
        s.getOutputStream().write(framed(payload));
    }

    private static byte[] readFrame(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        byte[] prefix = in.readNBytes(4);
        assertThat(prefix).hasSize(4);
        assertThat(prefix[0]).isZero();
        int length = (prefix[1] & 0xFF) << 16 | (prefix[2] & 0xFF) << 8 | (prefix[3] & 0xFF);
        byte[] payload = in.readNBytes(length);
        assertThat(payload).hasSize(length);
        return payload;
    }
}
