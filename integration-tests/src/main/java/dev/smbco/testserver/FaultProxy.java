package dev.smbco.testserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP proxy that breaks connections on demand, for fault-injection tests:
 * <pre>{@code
 * try (FaultProxy proxy = FaultProxy.start(server.address())) {
 *     SambaServer viaProxy = proxy.front(server);           // host/port of the proxy
 *     proxy.serverToClient().corrupt(Frames.response(0x0008), 2, 70);  // 2nd READ response
 *     proxy.stall(); ... proxy.resume(); ... proxy.cut();
 * }
 * }</pre>
 * Each accepted connection gets its own connection to the target and two virtual threads.
 * {@link #cut()} resets current connections (new ones are still accepted), {@link #stall()}
 * stops forwarding while keeping sockets open, {@link FrameHooks} rewrite, drop or cut at
 * chosen Direct-TCP frames. At most {@code maxConnections} at once; beyond that new
 * connections are reset. {@link #close()} closes everything and waits for its threads.
 */
public final class FaultProxy implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FaultProxy.class);
    public static final int DEFAULT_MAX_CONNECTIONS = 64;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final InetSocketAddress target;
    private final int maxConnections;
    private final ServerSocket listener;
    private final FrameHooks clientToServer = new FrameHooks();
    private final FrameHooks serverToClient = new FrameHooks();
    private final StallGate gate = new StallGate();
    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<ProxiedConnection> everStarted = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final java.util.concurrent.atomic.LongAdder clientToServerBytes = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder serverToClientBytes = new java.util.concurrent.atomic.LongAdder();
    private final ThreadFactory threads = Thread.ofVirtual().name("fault-proxy-", 0).factory();
    private final Thread acceptor;
    private volatile boolean closed;

    private FaultProxy(InetSocketAddress target, int maxConnections) throws IOException {
        if (!target.getAddress().isLoopbackAddress()) {
            throw new IllegalArgumentException("FaultProxy only forwards to loopback, not " + target);
        }
        this.target = target;
        this.maxConnections = maxConnections;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = threads.newThread(this::acceptLoop);
        acceptor.start();
    }

    /** A proxy on a free loopback port forwarding to {@code target} (which must be loopback). */
    public static FaultProxy start(InetSocketAddress target) {
        return start(target, DEFAULT_MAX_CONNECTIONS);
    }

    public static FaultProxy start(InetSocketAddress target, int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1");
        }
        try {
            return new FaultProxy(target, maxConnections);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open the proxy's listening socket", e);
        }
    }

    /** A proxy in front of {@code server}. */
    public static FaultProxy start(SambaServer server) {
        return start(server.address());
    }

    /** {@code server} as seen through this proxy: same credentials and shares, the proxy's address. */
    public SambaServer front(SambaServer server) {
        return new ProxiedSambaServer(server, host(), port());
    }

    public String host() {
        return listener.getInetAddress().getHostAddress();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), port());
    }

    public InetSocketAddress target() {
        return target;
    }

    /** Faults on what the client sends. */
    public FrameHooks clientToServer() {
        return clientToServer;
    }

    /** Faults on what the server answers. */
    public FrameHooks serverToClient() {
        return serverToClient;
    }

    /** Resets every current connection (RST to client and server). Returns how many there were. */
    public int cut() {
        List<ProxiedConnection> now = List.copyOf(connections);
        now.forEach(ProxiedConnection::abort);
        return now.size();
    }

    /** Stops forwarding in both directions; sockets stay open and unread data waits. */
    public void stall() {
        gate.stall();
    }

    /** Forwards again what waited during {@link #stall()}. */
    public void resume() {
        gate.resume();
    }

    public boolean isStalled() {
        return gate.isStalled();
    }

    /** Connections open right now. */
    public int openConnections() {
        return connections.size();
    }

    /** Bytes forwarded from clients to the server since the start (or the last {@link #resetByteCounts()}), framing included. */
    public long clientToServerBytes() {
        return clientToServerBytes.sum();
    }

    /** Bytes forwarded from the server to clients since the start (or the last {@link #resetByteCounts()}), framing included. */
    public long serverToClientBytes() {
        return serverToClientBytes.sum();
    }

    public void resetByteCounts() {
        clientToServerBytes.reset();
        serverToClientBytes.reset();
    }

    /** Connections accepted since the start (including refused ones). */
    public int acceptedConnections() {
        return accepted.get();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debug("closing the proxy's listener", e);
        }
        cut();
        gate.resume();
        try {
            acceptor.join(JOIN_TIMEOUT);
            for (ProxiedConnection c : everStarted) {
                c.join(JOIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("fault proxy stops accepting", e);
                }
                return;
            }
            accepted.incrementAndGet();
            if (closed || connections.size() >= maxConnections) {
                LOG.warn("fault proxy refuses a connection: {} open, at most {}", connections.size(), maxConnections);
                reset(client);
                continue;
            }
            connect(client);
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(target, 10_000);
            ProxiedConnection c = new ProxiedConnection(client, server, clientToServer, serverToClient, gate, connections::remove,
                    clientToServerBytes, serverToClientBytes);
            connections.add(c);
            everStarted.removeIf(ProxiedConnection::finished);
            everStarted.add(c);
            c.start(threads);
        } catch (IOException e) {
            LOG.warn("fault proxy could not reach {}", target, e);
            reset(client);
            reset(server);
        }
    }

    private static void reset(Socket s) {
        try {
            s.setSoLinger(true, 0);
            s.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
