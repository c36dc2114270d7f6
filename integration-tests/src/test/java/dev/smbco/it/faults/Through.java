package dev.smbco.it.faults;

import dev.smbco.client.Credentials;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.client.resilience.ReconnectPolicy;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.SambaServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * One fault-matrix client: a {@link FaultProxy} in front of the server, a client (reconnecting or
 * not) whose connection goes through it, and on {@link #close()} the check that the client left
 * no event-loop thread behind.
 */
final class Through implements AutoCloseable {
    /** Per-request deadline of the cells: short, so a stall is noticed in seconds. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    final SambaServer server;
    final FaultProxy proxy;
    final SmbClient client;
    final boolean reconnect;
    private final Set<String> loopThreadsBefore;
    SmbConnection conn;
    SmbSession session;
    SmbTree tree;

    private Through(SambaServer server, boolean reconnect, Duration requestTimeout) {
        this(server, reconnect ? ReconnectPolicy.on(Duration.ofSeconds(20)).backoff(Duration.ofMillis(100), Duration.ofSeconds(1)) : null,
                requestTimeout);
    }

    private Through(SambaServer server, ReconnectPolicy policy, Duration requestTimeout) {
        this.server = server;
        this.reconnect = policy != null;
        this.loopThreadsBefore = FaultMatrix.loopThreads();
        this.proxy = FaultProxy.start(server);
        // 1 MiB READs and WRITEs: a 16 MiB transfer is a stream of 16 parts a cut can fall into
        SmbConfig.Builder config = SmbConfig.builder().requestTimeout(requestTimeout).maxIoSize(1 << 20);
        if (policy != null) {
            config.reconnect(policy);
        }
        this.client = SmbClient.create(config.build());
    }

    /** A client reconnecting under {@code policy}, through a fresh proxy; nothing connected yet. */
    static Through start(SambaServer server, ReconnectPolicy policy) {
        return new Through(server, policy, REQUEST_TIMEOUT);
    }

    /** A client through a fresh proxy; nothing connected yet. */
    static Through start(SambaServer server, boolean reconnect) {
        return new Through(server, reconnect, REQUEST_TIMEOUT);
    }

    static Through start(SambaServer server, boolean reconnect, Duration requestTimeout) {
        return new Through(server, reconnect, requestTimeout);
    }

    /** Connects, logs on and connects the test share through the proxy (before any fault). */
    Through connected() {
        conn = client.connect(proxy.host(), proxy.port());
        session = conn.sessionSetup(credentials(server));
        tree = session.treeConnect(server.share());
        return this;
    }

    static Credentials credentials(SambaServer server) {
        return Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain());
    }

    /** A fresh name in the share's root, so cells never see each other's files. */
    static String unique(String prefix) {
        return "fault-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A local file of {@code size} pseudo-random bytes. */
    static Path randomFile(Path dir, String name, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size * 31L + name.hashCode()).nextBytes(data);
        return Files.write(dir.resolve(name), data);
    }

    @Override
    public void close() {
        try {
            if (conn != null) {
                conn.close();
            }
        } finally {
            try {
                client.close();
            } finally {
                proxy.close();
            }
        }
        try {
            FaultMatrix.assertNoNewLoopThreads(loopThreadsBefore);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the event-loop threads to end", e);
        }
    }
}
