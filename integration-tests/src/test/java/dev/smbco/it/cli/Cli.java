package dev.smbco.it.cli;

import dev.smbco.cli.Io;
import dev.smbco.cli.Main;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.Terminal;
import dev.smbco.testserver.SambaServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** Runs the real {@code smbco} command in-process against a test server, with captured streams. */
final class Cli {
    record Result(int status, String out, String err, byte[] outBytes) {
        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Where the CLI connects: a test Samba server, or another implementation (impacket). */
    record Endpoint(String host, int port, String user, String password, String share) {
        static Endpoint of(SambaServer server) {
            return new Endpoint(server.host(), server.port(), server.user(), server.password(), server.share());
        }
    }

    private final Endpoint server;
    private final Map<String, String> env = new HashMap<>();
    /** A directory of its own on the server's main share, so tests sharing a server never meet. */
    final String dir;

    Cli(SambaServer server) {
        this(Endpoint.of(server));
    }

    Cli(Endpoint server) {
        this(server, "cli-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private Cli(Endpoint server, String dir) {
        this.server = server;
        this.dir = dir;
        env.put("SMBCO_PASSWORD", server.password());
    }

    /** The same test directory reached another way (e.g. through a FaultProxy in front of the server). */
    Cli via(SambaServer other) {
        return new Cli(Endpoint.of(other), dir);
    }

    Cli withoutEnvironment() {
        env.clear();
        return this;
    }

    /** {@code smb://USER@HOST:PORT/share/<dir>/<path>}, each path segment percent-encoded. */
    String url(String path) {
        return share(server.share()) + "/" + dir + (path.isEmpty() ? "" : "/" + encode(path));
    }

    /** {@code smb://USER@HOST:PORT/<share>}. */
    String share(String share) {
        return "smb://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + share;
    }

    /** How messages show the URL: no user, decoded names. */
    String shown(String path) {
        return "smb://" + server.host() + ":" + server.port() + "/" + server.share() + "/" + dir + (path.isEmpty() ? "" : "/" + path);
    }

    static String encode(String path) {
        StringBuilder b = new StringBuilder();
        for (String s : path.split("/", -1)) {
            if (!b.isEmpty()) {
                b.append('/');
            }
            b.append(SmbUrl.encode(s));
        }
        return b.toString();
    }

    Result run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    Result run(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new Io(stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.copyOf(env), Terminal.NONE));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    private static final java.util.Queue<Cli> CREATED = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /** Creates this test's directory on the share (removed again by {@link #removeCreated()}). */
    Cli mkdir() {
        Result r = run("mkdir", url(""));
        if (r.status() != 0) {
            throw new AssertionError("mkdir of the test directory failed: " + r);
        }
        CREATED.add(this);
        return this;
    }

    /** Removes the test directories made so far, so a shared server is left as it was found (best effort). */
    static void removeCreated() {
        Cli c;
        while ((c = CREATED.poll()) != null) {
            c.run("-q", "--timeout", "5", "rm", "-r", "-f", c.url(""));
        }
    }

    static Map<String, String> sha256Tree(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                hashes.put(root.relativize(file).toString(), sha256(Files.readAllBytes(file)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                if (!d.equals(root)) {
                    hashes.put(root.relativize(d) + "/", "dir");
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return hashes;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
