package dev.smbco.testserver;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** One client connection through a {@link FaultProxy}: two sockets and a {@link Pump} each way. */
final class ProxiedConnection {
    private final Socket client;
    private final Socket server;
    private final Pump clientToServer;
    private final Pump serverToClient;
    private final StallGate gate;
    private final Consumer<ProxiedConnection> onClosed;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger openDirections = new AtomicInteger(2);
    private Thread c2sThread;
    private Thread s2cThread;

    /** {@code c2sBytes}, {@code s2cBytes}: count the bytes forwarded each way. */
    ProxiedConnection(Socket client, Socket server, FrameHooks c2s, FrameHooks s2c, StallGate gate,
                      Consumer<ProxiedConnection> onClosed, java.util.concurrent.atomic.LongAdder c2sBytes,
                      java.util.concurrent.atomic.LongAdder s2cBytes) throws IOException {
        this.client = client;
        this.server = server;
        this.gate = gate;
        this.onClosed = onClosed;
        this.clientToServer = new Pump(this, client.getInputStream(), server.getOutputStream(), c2s, gate, c2sBytes);
        this.serverToClient = new Pump(this, server.getInputStream(), client.getOutputStream(), s2c, gate, s2cBytes);
    }

    void start(ThreadFactory threads) {
        c2sThread = threads.newThread(clientToServer);
        s2cThread = threads.newThread(serverToClient);
        c2sThread.start();
        s2cThread.start();
    }

    boolean isClosed() {
        return closed.get();
    }

    /** A direction reached end of stream: pass the FIN on; when both have, close. */
    void directionDone(Pump pump) {
        try {
            (pump == clientToServer ? server : client).shutdownOutput();
        } catch (IOException e) {
            abort();
            return;
        }
        if (openDirections.decrementAndGet() == 0) {
            close(false);
        }
    }

    /** Closes both sockets with RST (SO_LINGER 0): both peers see the connection reset at once. */
    void abort() {
        close(true);
    }

    private void close(boolean reset) {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Socket s : new Socket[] {client, server}) {
            try {
                if (reset) {
                    s.setSoLinger(true, 0);
                }
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        gate.wakeAll();
        onClosed.accept(this);
    }

    /** Both pumps have ended. */
    boolean finished() {
        return c2sThread != null && !c2sThread.isAlive() && !s2cThread.isAlive();
    }

    void join(Duration timeout) throws InterruptedException {
        for (Thread t : new Thread[] {c2sThread, s2cThread}) {
            if (t != null) {
                t.join(timeout);
            }
        }
    }
}
