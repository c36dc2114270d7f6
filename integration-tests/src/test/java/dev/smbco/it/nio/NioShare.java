package dev.smbco.it.nio;

import dev.smbco.testserver.SambaServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** An smb:// file system on the test server's share and a fresh directory in it, removed on close. */
final class NioShare implements AutoCloseable {
    final FileSystem fs;
    final Path dir;

    private NioShare(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = dir;
    }

    static URI uri(SambaServer server, String share) {
        return URI.create("smb://" + server.host() + ":" + server.port() + "/" + share);
    }

    static Map<String, Object> env(SambaServer server) {
        return Map.of("user", server.user(), "password", server.password(), "domain", server.domain());
    }

    static NioShare open(SambaServer server) throws IOException {
        FileSystem fs = FileSystems.newFileSystem(uri(server, server.share()), env(server));
        try {
            Path dir = Files.createDirectory(fs.getPath("/nio-" + UUID.randomUUID().toString().substring(0, 8)));
            return new NioShare(fs, dir);
        } catch (IOException | RuntimeException e) {
            fs.close();
            throw e;
        }
    }

    /** Deletes everything below and including {@code dir} (children first). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            deleteTree(dir);
        } finally {
            fs.close();
        }
    }
}
