package dev.smbco.client;

import dev.smbco.client.compound.Compounding;
import dev.smbco.client.engine.KeepAlive;
import dev.smbco.client.engine.NettyLoop;
import dev.smbco.client.engine.SmbEngine;
import dev.smbco.client.internal.Negotiation;
import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.Sender;
import dev.smbco.client.lease.internal.LeaseTable;
import dev.smbco.coro.Loop;
import dev.smbco.coro.LoopThreads;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.crypto.PreauthIntegrity;
import dev.smbco.protocol.smb2.EchoRequest;
import dev.smbco.protocol.smb2.NegotiateRequest;
import dev.smbco.protocol.smb2.NegotiateResponse;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP connection to an SMB server, negotiated. Sessions are made on it with {@link
 * #sessionSetupSend(Credentials)}. All its state lives on one event loop; every method may be
 * called from any thread.
 *
 * <p>When the connection drops (or {@link #close()} is called) every request pending on it fails
 * with {@link SmbConnectionLostException}, and so does every later request on it or on its
 * sessions, trees and files.
 */
public final class SmbConnection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmbConnection.class);

    private final SmbClient client;
    /** The TCP connection now: replaced when a reconnection makes a new one ({@link #rebind}). */
    private volatile Channel channel;
    private volatile SmbEngine engine;
    /** MS-SMB2 ChannelSequence: how many times a reconnection replaced the transport (16 bits on the wire). */
    private int channelSequence;
    private final NettyLoop loop;
    private final Sender sender;
    private final String host;
    private final int port;
    private volatile PreauthIntegrity preauth = new PreauthIntegrity();
    private volatile Negotiated negotiated;
    private volatile NegotiateRequest sentNegotiate;
    /** Authenticated sessions by id, for re-authentication when the server says one expired. */
    private final java.util.Map<Long, SmbSession> sessions = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int serverSecurityMode;
    private final Compounding compounding;
    private final LeaseTable leases;
    private final Opens opens = new Opens();
    /** Null when the configuration does not reconnect. */
    private final dev.smbco.client.resilience.internal.Reconnector reconnector;
    private volatile boolean closing;
    /** MS-SMB2 3.2.4.2.2.2 ClientGuid: one per connection, kept across reconnections (durable reopens check it). */
    private final java.util.UUID clientGuid = java.util.UUID.randomUUID();

    private SmbConnection(SmbClient client, Channel channel, String host, int port) {
        this.client = client;
        this.channel = channel;
        this.engine = channel.pipeline().get(SmbEngine.class);
        this.loop = new NettyLoop(channel.eventLoop());
        this.sender = new Sender(engine, loop);
        this.leases = new LeaseTable(sender, host, client.config().requestTimeout());
        SmbConfig config = client.config();
        sender.onSessionExpired(sessionId -> {
            SmbSession s = sessions.get(sessionId);
            return s == null ? null : s.reauthenticateSend();
        });
        this.host = host;
        this.port = port;
        this.compounding = new Compounding(config.compounding(), host + ":" + port);
        this.reconnector = config.reconnect().enabled() ? Recovery.install(this) : null;
        hook(channel, engine);
    }

    /** What every TCP connection of this connection gets before its first read: lease breaks, keep-alive, the drop hook. */
    private void hook(Channel ch, SmbEngine e) {
        e.unsolicited(leases::onUnsolicited); // before any traffic: the channel's first read comes later
        SmbConfig config = client.config();
        if (!config.keepAliveInterval().isZero()) {
            ch.pipeline().addFirst("smbco-keepalive", new KeepAlive(config.keepAliveInterval(), config.deadAfter(),
                    () -> echoSend(), System::nanoTime));
        }
        if (reconnector != null) {
            e.onDown(cause -> {
                // a connection that never negotiated has nothing to recover: its connect fails, typed,
                // and a reconnection started here would race that failure's close (a second TCP
                // connection to a server the caller was told could not be reached)
                if (!closing && negotiated != null) {
                    reconnector.dropped(cause);
                }
            });
        }
    }

    /**
     * Internal, on the loop: a reconnection made a new TCP connection {@code ch} (on this
     * connection's event loop); requests go there from now on, starting with a new NEGOTIATE.
     */
    void rebind(Channel ch) {
        SmbEngine e = ch.pipeline().get(SmbEngine.class);
        e.channelSequence(++channelSequence); // requests on the new connection are told from those before the drop
        channel = ch;
        engine = e;
        preauth = new PreauthIntegrity();
        sender.rebind(e);
        hook(ch, e);
    }

    /** Internal: the remote address the connection was made to (a reconnection goes there again). */
    java.net.InetSocketAddress remoteAddress() {
        return (java.net.InetSocketAddress) channel.remoteAddress();
    }

    /** Internal: the channel now. */
    Channel channel() {
        return channel;
    }

    /** Internal: what the connection has open. */
    Opens opens() {
        return opens;
    }

    /**
     * Hears the connection's reconnections (lost / reconnected / gave up), on its event loop.
     * Without a reconnect policy ({@code SmbConfig.reconnect}) nothing is ever reported.
     *
     * @param listener added to those already there; must not block
     */
    public void onReconnect(dev.smbco.client.resilience.ReconnectListener listener) {
        java.util.Objects.requireNonNull(listener, "listener");
        if (reconnector != null) {
            reconnector.addListener(listener);
        }
    }

    /**
     * Whether a reconnection is under way (requests wait for it): {@code state() == RECONNECTING}.
     *
     * @return true between the drop and the reconnection (or giving up)
     */
    public boolean isReconnecting() {
        return state() == ConnectionState.RECONNECTING;
    }

    /**
     * What the connection is doing: {@link ConnectionState#UP UP}, {@link ConnectionState#RECONNECTING
     * RECONNECTING} (only with a reconnect policy) or {@link ConnectionState#CLOSED CLOSED}, which is
     * final. A snapshot: by the time the caller looks, it may have moved on ({@link #onReconnect}
     * hears the moves).
     *
     * @return the state now
     */
    public ConnectionState state() {
        if (closing) {
            return ConnectionState.CLOSED;
        }
        if (reconnector == null) {
            return channel.isActive() ? ConnectionState.UP : ConnectionState.CLOSED;
        }
        if (reconnector.isRunning()) {
            return ConnectionState.RECONNECTING;
        }
        if (reconnector.isFinished()) {
            return ConnectionState.CLOSED;
        }
        // between the TCP connection's end and the event loop's handling of it, a reconnection is about to start
        return channel.isActive() ? ConnectionState.UP : ConnectionState.RECONNECTING;
    }

    /** Whether small composites go as compounds on this connection (SmbTree's composites ask). */
    Compounding compounding() {
        return compounding;
    }

    static SmbConnection attach(SmbClient client, Channel channel, String host, int port) {
        return new SmbConnection(client, channel, host, port);
    }

    /** MS-SMB2 3.2.4.2.2.2: NEGOTIATE, with the 3.1.1 preauth hash over request and response. */
    Request<Negotiated> negotiateSend() {
        Negotiation n = new Negotiation(client.config(), host, clientGuid);
        NegotiateRequest request = n.request();
        sentNegotiate = request;
        return sender.send(request, Route.NONE, "NEGOTIATE " + host, "\\\\" + host, client.config().requestTimeout(), null,
                (header, body) -> {
                    ByteBuf whole = body.slice(body.readerIndex() - 64, body.writerIndex() - body.readerIndex() + 64);
                    NegotiateResponse response = NegotiateResponse.decode(body);
                    Negotiated result = n.result(response);
                    serverSecurityMode = response.securityMode();
                    if (result.dialect() == Dialect.SMB3_11) {
                        preauth.update(whole);
                    }
                    negotiated = result;
                    engine.multiCredit(result.multiCredit());
                    engine.dialect(result.dialect());
                    compounding.negotiated(result.dialect());
                    log.debug("{}: negotiated SMB {} (signing {}, cipher {}, max read {} write {})", host, result.dialect().version(),
                            result.signingRequired() ? "required" : "optional", result.cipher(), result.maxReadSize(), result.maxWriteSize());
                    return result;
                }, preauth::update);
    }

    /**
     * Authenticates a session (MS-SMB2 3.2.4.2.3: SPNEGO/NTLMv2, several legs while the server
     * answers STATUS_MORE_PROCESSING_REQUIRED; guest and anonymous too). Fails with {@link
     * SmbAuthenticationException} (naming e.g. STATUS_LOGON_FAILURE) when the server refuses.
     *
     * @param credentials who to log on as
     * @return a request for the session, which the caller logs off
     */
    public Request<SmbSession> sessionSetupSend(Credentials credentials) {
        return SessionSetup.start(this, credentials);
    }

    /**
     * Blocking twin of {@link #sessionSetupSend(Credentials)}.
     *
     * @param credentials who to log on as
     * @return the session, which the caller logs off
     */
    public SmbSession sessionSetup(Credentials credentials) {
        return sessionSetupSend(credentials).await();
    }

    /**
     * MS-SMB2 3.2.4.20 ECHO: a liveness probe, with the shorter echo timeout.
     *
     * @return a request that ends when the server has answered, or fails with
     *     {@link SmbTimeoutException}
     */
    public Request<Void> echoSend() {
        return sender.send(new EchoRequest(), Route.NONE, "ECHO " + host, "\\\\" + host, client.config().echoTimeout(), null,
                (header, body) -> null);
    }

    /** Blocking twin of {@link #echoSend()}. */
    public void echo() {
        echoSend().await();
    }

    /**
     * What NEGOTIATE settled (MS-SMB2 3.2.5.2).
     *
     * @return the dialect, the server's GUID and capabilities, whether signing is required, the size
     *     limits, and the signing algorithm and cipher chosen
     */
    public Negotiated negotiated() {
        return negotiated;
    }

    /**
     * The server's host name or address, as given to {@code connect}.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * The server's TCP port.
     *
     * @return the port, 445 unless another was given
     */
    public int port() {
        return port;
    }

    /**
     * The client that made this connection.
     *
     * @return the client
     */
    public SmbClient client() {
        return client;
    }

    /**
     * The configuration this connection was made with.
     *
     * @return the client's configuration
     */
    public SmbConfig config() {
        return client.config();
    }

    /**
     * The connection's event loop (its requests deliver their callbacks there).
     *
     * @return the loop; the same for the connection's whole life
     */
    public Loop loop() {
        return loop;
    }

    /**
     * The local end of the TCP connection (e.g. to find it in the server's session list).
     *
     * @return the local address and port
     */
    public java.net.InetSocketAddress localAddress() {
        return (java.net.InetSocketAddress) channel.localAddress();
    }

    /**
     * Whether the connection is up and carrying requests: {@code state() == UP}. False while it
     * reconnects (requests then wait rather than fail; {@link #state()} tells that apart from
     * CLOSED), and from its end on.
     *
     * @return true while the connection is up
     */
    public boolean isOpen() {
        return state() == ConnectionState.UP;
    }

    /**
     * Internal: whether a TCP connection is up at this moment, reconnecting or not. A reconnection's
     * own NEGOTIATE, SESSION_SETUP and TREE_CONNECT go over the new TCP connection while {@link
     * #state()} still says RECONNECTING; sessions (and through them {@code Rebinding}, which tells
     * stale routes from fresh ones) ask this, not {@link #isOpen()}.
     */
    boolean transportUp() {
        return channel.isActive();
    }

    /** Internal: the request sender (not part of the API). */
    Sender sender() {
        return sender;
    }

    /** Internal: the connection's leases and oplocks. */
    LeaseTable leases() {
        return leases;
    }

    /** Internal: an authenticated session joins the connection (for re-authentication). */
    void register(SmbSession session) {
        sessions.put(session.sessionId(), session);
    }

    void unregister(long sessionId) {
        sessions.remove(sessionId);
    }

    /** Internal: the NEGOTIATE request as sent, for FSCTL_VALIDATE_NEGOTIATE_INFO. */
    NegotiateRequest sentNegotiate() {
        return sentNegotiate;
    }

    /** Internal: the SecurityMode of the server's NEGOTIATE response. */
    int serverSecurityMode() {
        return serverSecurityMode;
    }

    /** Internal: a copy of the connection's preauth hash chain, to start a session's. */
    PreauthIntegrity preauthCopy() {
        return preauth.copy();
    }

    /**
     * Closes the TCP connection at once (no LOGOFF): pending requests fail with {@link
     * SmbConnectionLostException} ("closed by the client"). Idempotent. Called off the event
     * loop, it returns once the socket is closed (at most a second), so that a {@link
     * SmbClient#close()} right after it finds nothing open and stops without a quiet period.
     */
    @Override
    public void close() {
        closing = true;
        if (reconnector != null) {
            reconnector.stop();
        }
        IOException reason = new IOException("closed by the client");
        if (loop.inLoop()) {
            engine.close(reason);
            return;
        }
        try {
            loop.execute(() -> engine.close(reason));
        } catch (RejectedExecutionException e) {
            channel.close();
        }
        if (!LoopThreads.isLoopThread()) {
            channel.closeFuture().awaitUninterruptibly(1, TimeUnit.SECONDS);
        }
    }

    @Override
    public String toString() {
        Negotiated n = negotiated;
        return "SmbConnection[" + host + ":" + port + (n == null ? "" : " SMB " + n.dialect().version()) + (state() == ConnectionState.UP ? "" : " " + state().name().toLowerCase(java.util.Locale.ROOT)) + "]";
    }
}
