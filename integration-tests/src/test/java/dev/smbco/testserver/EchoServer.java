package dev.smbco.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A loopback echo server for the proxy tests; records how each connection ended. */
final class EchoServer implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    /** One entry per ended connection: "eof" or "reset". */
    private final LinkedBlockingQueue<String> endings = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    EchoServer() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().name("echo-accept").start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    /** How the next connection ended, waiting at most 10 s; null if none did. */
    String nextEnding() throws InterruptedException {
        return endings.poll(10, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket s = listener.accept();
                sockets.add(s);
                Thread.ofVirtual().name("echo").start(() -> echo(s));
            }
        } catch (IOException closed) {
            // listener closed
        }
    }

    private void echo(Socket s) {
        String ending = "eof";
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            ending = "reset";
        }
        endings.add(ending);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket s : sockets) {
            s.close();
        }
        try {
            acceptor.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
