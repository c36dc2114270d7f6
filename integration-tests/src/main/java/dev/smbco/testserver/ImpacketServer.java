package dev.smbco.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A second, independent SMB2 server implementation for tests: impacket's {@code smbserver}
 * (Debian's {@code python3-impacket}, which ships it as {@code examples/smbserver.py} in its
 * documentation directory, possibly gzipped). It speaks SMB 2.0.2/2.1 with NTLM, no signing
 * requirement, no SMB3. Started on a free loopback port as
 * {@code smbserver.py -ip 127.0.0.1 -port N -smb2support -username test -password test SHARE DIR},
 * ready once the port accepts a connection, stopped by its PID.
 *
 * <p>Missing impacket fails the test when {@code CI} is set (as a missing Samba does) and skips it
 * elsewhere, with one loud line.
 */
public final class ImpacketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ImpacketServer.class);
    /** Where Debian's package puts the example server. */
    private static final List<Path> SCRIPTS = List.of(
            Path.of("/usr/share/doc/python3-impacket/examples/smbserver.py"),
            Path.of("/usr/share/doc/python3-impacket/examples/smbserver.py.gz"));
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);
    public static final String SHARE = "SHARE";
    public static final String USER = "test";
    /** Test credentials only. */
    public static final String PASSWORD = "test";

    private final Process process;
    private final int port;
    private final Path dir;
    private final Path log;

    private ImpacketServer(Process process, int port, Path dir, Path log) {
        this.process = process;
        this.port = port;
        this.dir = dir;
        this.log = log;
    }

    /** The server script, if impacket is installed. */
    public static Optional<Path> script() {
        return SCRIPTS.stream().filter(Files::isRegularFile).findFirst();
    }

    /**
     * Starts a server sharing {@code dir} (created if missing); {@code work} holds its log and, if
     * the script is gzipped, the unpacked copy. Fails under CI, skips elsewhere, when impacket is
     * not installed.
     */
    public static ImpacketServer start(Path dir, Path work) {
        Path script = script().orElseThrow(() -> unavailable("impacket's smbserver.py is not installed (apt-get install"
                + " python3-impacket; scripts/test-env.sh does it), looked in " + SCRIPTS));
        try {
            Files.createDirectories(dir);
            Files.createDirectories(work);
            if (script.toString().endsWith(".gz")) {
                Path unpacked = work.resolve("smbserver.py");
                try (InputStream in = new GZIPInputStream(Files.newInputStream(script))) {
                    Files.copy(in, unpacked, StandardCopyOption.REPLACE_EXISTING);
                }
                script = unpacked;
            }
            IOException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                int port = freePort();
                Path log = work.resolve("smbserver-" + port + ".log");
                Process p = new ProcessBuilder(python(), script.toString(), "-ip", "127.0.0.1", "-port", Integer.toString(port),
                        "-smb2support", "-username", USER, "-password", PASSWORD, SHARE, dir.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
                ImpacketServer server = new ImpacketServer(p, port, dir, log);
                try {
                    server.awaitReady();
                    LOG.info("impacket smbserver pid {} at 127.0.0.1:{} sharing {}", p.pid(), port, dir);
                    return server;
                } catch (IOException e) {
                    server.close();
                    last = e; // most likely the port was taken meanwhile: another one
                }
            }
            throw new IllegalStateException("impacket's smbserver did not start", last);
        } catch (IOException e) {
            throw new UncheckedIOException("starting impacket's smbserver", e);
        }
    }

    /** Debian's interpreter, which has the package on its path (a python3 earlier on PATH, e.g. pyenv's, may not). */
    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("smbserver exited with " + process.exitValue() + ": " + logTail());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for smbserver", e);
                }
            }
        }
        throw new IOException("smbserver did not listen on port " + port + " within " + READY_WITHIN.toSeconds() + " s: " + logTail());
    }

    /** A port below the ephemeral range that is free now (outgoing connections never take it meanwhile). */
    private static int freePort() throws IOException {
        for (int i = 0; i < 100; i++) {
            int candidate = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress("127.0.0.1", candidate));
                return candidate;
            } catch (IOException taken) {
                // next
            }
        }
        throw new IOException("no free port found in 20000..32000");
    }

    private String logTail() {
        try {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static RuntimeException unavailable(String why) {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            throw new AssertionError("CI is set, so a missing second server fails the build: " + why);
        }
        System.err.println("!!!!! smbco SKIPPED: " + why);
        throw new TestAbortedException(why);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** The shared directory on disk: what the server really holds. */
    public Path dir() {
        return dir;
    }

    public String share() {
        return SHARE;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** The server's output so far (for assertion messages). */
    public String log() {
        return logTail();
    }

    /** Stops the server by its PID (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return "impacket smbserver pid " + process.pid() + " at 127.0.0.1:" + port + " sharing " + dir;
    }
}
