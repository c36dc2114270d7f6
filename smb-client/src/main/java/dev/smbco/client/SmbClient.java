package dev.smbco.client;

import dev.smbco.client.engine.NettyLoop;
import dev.smbco.client.engine.SmbEngine;
import dev.smbco.client.engine.SmbPipeline;
import dev.smbco.client.internal.ConnectFailures;
import dev.smbco.client.pool.PoolOptions;
import dev.smbco.client.pool.SmbPool;
import dev.smbco.coro.Completer;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetAddress;
import java.net.URI;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: owns a Netty event-loop group (native epoll where available, else NIO) and the
 * configuration, and makes connections. Close it to shut the loops down (open connections are
 * closed, their pending requests fail with {@link SmbConnectionLostException}).
 *
 * <pre>{@code
 * try (SmbClient client = SmbClient.create()) {
 *     SmbConnection conn = client.connect("fileserver", 445);
 *     ...
 * }
 * }</pre>
 */
public final class SmbClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmbClient.class);
    /** MS-SMB2 2.1: the Direct TCP port. */
    public static final int DEFAULT_PORT = 445;

    private final SmbConfig config;
    private final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final NettyLoop loop;
    /** The pool {@link #openSend(URI, Credentials, OpenOptions)} uses; made on first use. */
    private SmbPool pool;
    private boolean closed;
    /** Channels not yet closed; {@link #close()} needs no quiet period when there are none. */
    private final Set<Channel> open = ConcurrentHashMap.newKeySet();

    private SmbClient(SmbConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        boolean epoll = switch (config.transport()) {
            case AUTO -> Epoll.isAvailable();
            case EPOLL -> {
                Epoll.ensureAvailability();
                yield true;
            }
            case NIO -> false;
        };
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(), NettyLoop.threadFactory("smbco-io"), io);
        this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.loop = new NettyLoop(group.next());
        log.debug("client started: {} transport, {} I/O threads", epoll ? "epoll" : "nio", config.ioThreads());
    }

    /**
     * A client with {@link SmbConfig#defaults()}.
     *
     * @return a new client, which the caller closes
     */
    public static SmbClient create() {
        return new SmbClient(SmbConfig.defaults());
    }

    /**
     * A client with {@code config}: its event loops start now.
     *
     * @param config timeouts, dialects, security and transport settings
     * @return a new client, which the caller closes
     */
    public static SmbClient create(SmbConfig config) {
        return new SmbClient(config);
    }

    /**
     * The configuration every connection of this client uses.
     *
     * @return the configuration given to {@link #create(SmbConfig)}
     */
    public SmbConfig config() {
        return config;
    }

    /**
     * A loop for coroutines and combinators ({@code Coroutine.start(client.loop(), co -> ...)}).
     *
     * @return one of the client's event loops
     */
    public Loop loop() {
        return loop;
    }

    /**
     * The client's connection pool ({@link PoolOptions#defaults()}), made on first use: one
     * connection per server, one session per {@link Credentials} object, one tree per share.
     * Closed with the client.
     *
     * @return the pool, the same on every call
     * @throws IllegalStateException once the client is closed
     */
    public synchronized SmbPool pool() {
        if (closed) {
            throw new IllegalStateException("the client is closed");
        }
        if (pool == null) {
            pool = new SmbPool(this, PoolOptions.defaults());
        }
        return pool;
    }

    /**
     * Opens the file an {@code smb://host[:port]/share/path} URI names, through the {@link
     * #pool()}: connecting, logging on and connecting the tree only where no pooled one serves.
     * A path in a DFS namespace is followed to the server and share its link points to, as
     * {@link SmbConfig#dfs()} allows (on by default).
     *
     * @param uri the file, {@code smb://[user@]host[:port]/share/path}
     * @param credentials who logs on; must be the URI's user when it names one
     * @param options how to open it
     * @return a request for the open file, which the caller closes
     * @throws IllegalArgumentException (at once) when {@code uri} is not such a URI
     */
    public Request<SmbFile> openSend(URI uri, Credentials credentials, OpenOptions options) {
        return pool().openSend(uri, credentials, options);
    }

    /**
     * Blocking twin of {@link #openSend(URI, Credentials, OpenOptions)}.
     *
     * @param uri the file, {@code smb://[user@]host[:port]/share/path}
     * @param credentials who logs on; must be the URI's user when it names one
     * @param options how to open it
     * @return the open file, which the caller closes
     */
    public SmbFile open(URI uri, Credentials credentials, OpenOptions options) {
        return openSend(uri, credentials, options).await();
    }

    /**
     * {@link #connectSend(String, int)} on port 445.
     *
     * @param host the server's host name or address
     * @return a request for the negotiated connection, which the caller closes
     */
    public Request<SmbConnection> connectSend(String host) {
        return connectSend(host, DEFAULT_PORT);
    }

    /**
     * Resolves {@code host}, connects (within the connect timeout) and negotiates the dialect.
     * Fails with {@link SmbConnectException} when no TCP connection can be made, with
     * {@link SmbProtocolException} when the peer does not speak a dialect we offer.
     *
     * @param host the server's host name or address
     * @param port the server's TCP port, 1..65535
     * @return a request for the negotiated connection, which the caller closes
     */
    public Request<SmbConnection> connectSend(String host, int port) {
        Objects.requireNonNull(host, "host");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 1..65535");
        }
        Request<SmbConnection> connect = Coroutine.start(loop, co -> {
            InetSocketAddress address = co.await(resolveSend(host, port));
            Channel channel = co.await(tcpConnectSend(address, host + ":" + port));
            SmbConnection conn = SmbConnection.attach(this, channel, host, port);
            try {
                co.await(conn.negotiateSend());
            } catch (SmbConnectionLostException e) {
                conn.close();
                if (e.getCause() instanceof SmbProtocolException p) {
                    // the peer's answer was not SMB2 at all: say so rather than "connection lost"
                    throw new SmbProtocolException("NEGOTIATE " + host + ":" + port + ": " + p.getMessage(), p);
                }
                throw e;
            } catch (RuntimeException e) {
                conn.close();
                throw e;
            }
            return conn;
        });
        return connect.onDone(r -> {
            if (r.state() != dev.smbco.coro.RequestState.DONE) {
                log.debug("connect to {}:{} ended {}: {}", host, port, r.state(), r.failure() == null ? "" : r.failure().getMessage());
            }
        });
    }

    /**
     * Blocking twin of {@link #connectSend(String, int)}.
     *
     * @param host the server's host name or address
     * @param port the server's TCP port, 1..65535
     * @return the negotiated connection, which the caller closes
     */
    public SmbConnection connect(String host, int port) {
        return connectSend(host, port).await();
    }

    /**
     * Blocking twin of {@link #connectSend(String)}.
     *
     * @param host the server's host name or address
     * @return the negotiated connection, which the caller closes
     */
    public SmbConnection connect(String host) {
        return connectSend(host).await();
    }

    /** Name resolution may block, so it runs on a virtual thread, never on an event loop. */
    private Request<InetSocketAddress> resolveSend(String host, int port) {
        Completer<InetSocketAddress> c = Completer.create(loop);
        Thread.ofVirtual().name("smbco-resolve-" + host).start(() -> {
            try {
                c.complete(new InetSocketAddress(InetAddress.getByName(host), port));
            } catch (UnknownHostException e) {
                c.fail(new SmbConnectException("cannot resolve host '" + host + "': " + e.getMessage(), e));
            } catch (RuntimeException e) {
                c.fail(new SmbConnectException("cannot resolve host '" + host + "': " + e, e));
            }
        });
        return c.request();
    }

    private Request<Channel> tcpConnectSend(InetSocketAddress address, String name) {
        return tcpConnectSend(group, address, name);
    }

    /**
     * Internal: a new TCP connection for a reconnection of {@code conn}, to the address it had and on
     * its event loop (so that everything confined to that loop stays confined).
     */
    Request<Channel> reconnectChannel(SmbConnection conn, InetSocketAddress address) {
        return tcpConnectSend(conn.channel().eventLoop(), address, conn.host() + ":" + conn.port());
    }

    private Request<Channel> tcpConnectSend(EventLoopGroup on, InetSocketAddress address, String name) {
        Completer<Channel> c = Completer.create(loop);
        Bootstrap b = new Bootstrap()
                .group(on)
                .channel(channelType)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        open.add(ch);
                        ch.closeFuture().addListener(f -> open.remove(ch));
                        installPipeline(ch, name);
                    }
                });
        ChannelFuture f;
        try {
            f = b.connect(address);
        } catch (RuntimeException e) {
            c.fail(new SmbConnectException("cannot connect to " + name + ": " + e.getMessage(), e));
            return c.request();
        }
        f.addListener(done -> {
            if (done.isSuccess()) {
                log.debug("connected to {} ({})", name, address);
                if (!c.complete(f.channel())) {
                    f.channel().close();
                }
            } else {
                Throwable cause = done.cause();
                String reason = ConnectFailures.describe(cause, config.connectTimeout());
                c.fail(new SmbConnectException("cannot connect to " + name + " (" + address.getAddress().getHostAddress() + "): "
                        + reason, reason, cause));
            }
        });
        c.onCancel(() -> f.cancel(false));
        return c.request();
    }

    /** Installs the SMB pipeline on a new channel (at registration, on its event loop) and returns the engine. */
    private SmbEngine installPipeline(Channel channel, String peer) {
        int maxFrame = Math.min(0xFFFFFF, config.maxIoSize() + 1024 * 1024);
        return SmbPipeline.install(channel, peer, maxFrame, config.creditTarget(), config.memoryBudget());
    }

    /**
     * Shuts the event loops down; open connections drop and their requests fail as connection
     * lost. With connections still open, a quiet period of 50 ms lets the callbacks of the
     * requests that fail now (and the coroutines they resume) still run on the loop; when every
     * connection was closed before, nothing can still be ending and the loop stops at once (a
     * quiet period would only add its length to every short-lived program, such as one
     * {@code smbco} command).
     */
    @Override
    public void close() {
        SmbPool p;
        synchronized (this) {
            closed = true;
            p = pool;
        }
        if (p != null) {
            p.close();
        }
        // a channel's close future wakes its waiters before its listeners (which take it out of
        // the set) have run: count what is still open, not what is still listed
        boolean idle = open.stream().noneMatch(Channel::isOpen);
        log.debug("client closing ({} connections open)", open.size());
        group.shutdownGracefully(idle ? 0 : 50, 2000, TimeUnit.MILLISECONDS).syncUninterruptibly();
    }
}
