package dev.smbco.it.nio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java.nio contract: each scenario runs {@code Files.*} operations once in a temporary
 * directory of the default file system and once in a directory on the Samba share (smb://), and
 * both runs must log the same values and the same exceptions naming the same paths ({@link
 * Outcomes}). Each subclass pins one server path (a container, a private smbd), so CI runs both.
 */
@ExtendWith(SambaExtension.class)
abstract class FilesContract {
    /** One scenario, run on a directory of some file system. */
    interface Scenario {
        void run(Path root, Outcomes log) throws Exception;
    }

    private static void same(SambaServer server, Path tmp, Scenario scenario) throws Exception {
        Path localRoot = Files.createDirectory(tmp.resolve("root"));
        Outcomes local = new Outcomes(localRoot);
        scenario.run(localRoot, local);
        try (NioShare share = NioShare.open(server)) {
            Outcomes smb = new Outcomes(share.dir);
            scenario.run(share.dir, smb);
            assertThat(smb.lines).as("smb:// (%s) against the default file system", server.describe())
                    .containsExactlyElementsOf(local.lines);
        }
        assertThat(local.lines).isNotEmpty();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writeReadAppendTruncateAndSeek(SambaServer server, @TempDir Path tmp) throws Exception {
        same(server, tmp, (root, log) -> {
            Path f = root.resolve("data.bin");
            log.step("write", () -> Files.write(f, bytes("hello world")));
            log.step("readAllBytes", () -> new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
            log.step("append", () -> Files.write(f, bytes("!!"), StandardOpenOption.APPEND));
            log.step("size after append", () -> Files.size(f));
            log.step("readString", () -> Files.readString(f));
            log.step("seek and overwrite", () -> {
                try (SeekableByteChannel ch = Files.newByteChannel(f, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    ch.position(6);
                    ch.write(ByteBuffer.wrap(bytes("WORLD")));
                    long pos = ch.position();
                    ch.position(0);
                    ByteBuffer all = ByteBuffer.allocate(64);
                    while (ch.read(all) > 0) {
                        // read to the end
                    }
                    ByteBuffer more = ByteBuffer.allocate(4);
                    int atEnd = ch.read(more);
                    return pos + " " + new String(all.array(), 0, all.position(), StandardCharsets.UTF_8) + " " + atEnd + " " + ch.size();
                }
            });
            log.step("truncate", () -> {
                try (SeekableByteChannel ch = Files.newByteChannel(f, StandardOpenOption.WRITE)) {
                    ch.position(10);
                    ch.truncate(5);
                    return ch.position() + " " + ch.size();
                }
            });
            log.step("after truncate", () -> Files.readString(f));
            log.step("write past the end", () -> {
                try (SeekableByteChannel ch = Files.newByteChannel(f, StandardOpenOption.WRITE)) {
                    ch.position(8);
                    ch.write(ByteBuffer.wrap(bytes("X")));
                    return ch.size();
                }
            });
            log.step("hole reads as zeros", () -> Files.readAllBytes(f));
            log.step("truncate on open", () -> Files.write(f, bytes("new"), StandardOpenOption.TRUNCATE_EXISTING));
            log.step("content", () -> Files.readString(f));
            log.step("CREATE_NEW over an existing file", () -> Files.newByteChannel(f, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
            log.step("open a missing file", () -> Files.newByteChannel(root.resolve("missing.txt")));
            log.step("write a missing file without CREATE", () -> Files.write(root.resolve("missing.txt"), bytes("x"),
                    StandardOpenOption.WRITE));
            log.step("newInputStream of a missing file", () -> Files.newInputStream(root.resolve("missing.txt")));
            log.step("APPEND with READ", () -> Files.newByteChannel(f, StandardOpenOption.APPEND, StandardOpenOption.READ));
            log.step("DELETE_ON_CLOSE", () -> {
                Path t = root.resolve("temp.txt");
                try (SeekableByteChannel ch = Files.newByteChannel(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        StandardOpenOption.DELETE_ON_CLOSE)) {
                    ch.write(ByteBuffer.wrap(bytes("gone soon")));
                }
                return Files.exists(t);
            });
            log.step("streams", () -> {
                Path s = root.resolve("stream.txt");
                try (OutputStream out = Files.newOutputStream(s)) {
                    for (int i = 0; i < 1000; i++) {
                        out.write(bytes("line " + i + "\n"));
                    }
                }
                try (OutputStream out = Files.newOutputStream(s, StandardOpenOption.APPEND)) {
                    out.write(bytes("tail\n"));
                }
                try (InputStream in = Files.newInputStream(s)) {
                    byte[] all = in.readAllBytes();
                    return all.length + " " + Files.size(s);
                }
            });
            log.step("buffered writer and reader", () -> {
                Path s = root.resolve("utf8.txt");
                try (BufferedWriter w = Files.newBufferedWriter(s)) {
                    w.write("grüße\nñ € ✓\n");
                }
                try (BufferedReader r = Files.newBufferedReader(s)) {
                    return r.lines().toList();
                }
            });
            log.step("readAllBytes of a directory", () -> Files.readAllBytes(root));
        });
    }

    @Test
    void walkATreeAndListWithGlobs(SambaServer server, @TempDir Path tmp) throws Exception {
        same(server, tmp, (root, log) -> {
            for (String d : List.of("a", "a/b", "a/b/c", "d", "empty")) {
                Files.createDirectory(root.resolve(d));
            }
            for (String f : List.of("top.txt", "a/one.txt", "a/two.md", "a/b/three.txt", "a/b/c/four.txt", "d/x.log", "d/y.txt")) {
                Files.writeString(root.resolve(f), f);
            }
            log.step("walk", () -> {
                try (Stream<Path> s = Files.walk(root)) {
                    return s.map(p -> root.relativize(p).toString()).sorted().toList();
                }
            });
            log.step("walk depth 1", () -> {
                try (Stream<Path> s = Files.walk(root, 1)) {
                    return s.map(p -> root.relativize(p).toString()).sorted().toList();
                }
            });
            log.step("find *.txt bigger than 8 bytes", () -> {
                try (Stream<Path> s = Files.find(root, 10, (p, a) -> a.isRegularFile() && a.size() > 8
                        && p.getFileName().toString().endsWith(".txt"))) {
                    return s.map(p -> root.relativize(p).toString()).sorted().toList();
                }
            });
            log.step("walkFileTree", () -> {
                Map<String, String> seen = new TreeMap<>();
                Files.walkFileTree(root, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                        seen.put(root.relativize(dir).toString(), "dir");
                        return dir.getFileName().toString().equals("d") ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        seen.put(root.relativize(file).toString(), "file " + attrs.size());
                        return FileVisitResult.CONTINUE;
                    }
                });
                return seen;
            });
            log.step("list", () -> {
                try (Stream<Path> s = Files.list(root.resolve("a"))) {
                    return s.map(p -> p.getFileName().toString()).sorted().toList();
                }
            });
            for (String glob : List.of("*.txt", "*.{txt,md}", "[!o]*", "t?o.*", "*")) {
                log.step("glob " + glob, () -> {
                    List<String> names = new ArrayList<>();
                    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve("a"), glob)) {
                        ds.forEach(p -> names.add(p.getFileName().toString()));
                    }
                    return names.stream().sorted().toList();
                });
            }
            log.step("matcher on full paths", () -> {
                var m = root.getFileSystem().getPathMatcher("glob:**/b/*.txt");
                try (Stream<Path> s = Files.walk(root)) {
                    return s.filter(m::matches).map(p -> root.relativize(p).toString()).sorted().toList();
                }
            });
            log.step("empty directory", () -> {
                try (Stream<Path> s = Files.list(root.resolve("empty"))) {
                    return s.count();
                }
            });
            log.step("list a file", () -> Files.newDirectoryStream(root.resolve("top.txt")));
            log.step("list a missing directory", () -> Files.newDirectoryStream(root.resolve("nope")));
        });
    }

    @Test
    void createDirectoriesAndDelete(SambaServer server, @TempDir Path tmp) throws Exception {
        same(server, tmp, (root, log) -> {
            log.step("createDirectory", () -> Files.createDirectory(root.resolve("d")));
            log.step("createDirectory again", () -> Files.createDirectory(root.resolve("d")));
            log.step("createDirectory under a missing parent", () -> Files.createDirectory(root.resolve("x/y")));
            log.step("createDirectories", () -> Files.createDirectories(root.resolve("p/q/r")));
            log.step("createDirectories again", () -> Files.createDirectories(root.resolve("p/q/r")));
            log.step("isDirectory", () -> Files.isDirectory(root.resolve("p/q/r")));
            Files.writeString(root.resolve("p/file"), "f");
            log.step("createDirectories over a file", () -> Files.createDirectories(root.resolve("p/file")));
            log.step("createFile", () -> Files.createFile(root.resolve("p/new.txt")));
            log.step("createFile again", () -> Files.createFile(root.resolve("p/new.txt")));
            log.step("delete a non-empty directory", () -> {
                Files.delete(root.resolve("p"));
                return null;
            });
            log.step("delete a missing file", () -> {
                Files.delete(root.resolve("missing"));
                return null;
            });
            log.step("deleteIfExists missing", () -> Files.deleteIfExists(root.resolve("missing")));
            log.step("deleteIfExists file", () -> Files.deleteIfExists(root.resolve("p/new.txt")));
            log.step("delete an empty directory", () -> {
                Files.delete(root.resolve("p/q/r"));
                return Files.exists(root.resolve("p/q/r"));
            });
            log.step("delete a file", () -> {
                Files.delete(root.resolve("p/file"));
                return Files.exists(root.resolve("p/file"));
            });
            log.step("exists / notExists", () -> Files.exists(root.resolve("p")) + " " + Files.notExists(root.resolve("zz")));
        });
    }

    @Test
    void moveAndCopyWithAndWithoutReplace(SambaServer server, @TempDir Path tmp) throws Exception {
        same(server, tmp, (root, log) -> {
            Path a = Files.writeString(root.resolve("a.txt"), "alpha");
            Path b = Files.writeString(root.resolve("b.txt"), "bravo");
            Files.createDirectories(root.resolve("dir/sub"));
            Files.writeString(root.resolve("dir/sub/in.txt"), "inside");
            Files.createDirectory(root.resolve("emptydir"));
            log.step("copy to a new file", () -> Files.copy(a, root.resolve("c.txt")));
            log.step("copied content", () -> Files.readString(root.resolve("c.txt")));
            log.step("copy over an existing file", () -> Files.copy(a, b));
            log.step("copy with REPLACE_EXISTING", () -> Files.copy(a, b, StandardCopyOption.REPLACE_EXISTING));
            log.step("replaced content", () -> Files.readString(b));
            log.step("copy a missing file", () -> Files.copy(root.resolve("none"), root.resolve("x")));
            log.step("copy a directory", () -> Files.copy(root.resolve("dir"), root.resolve("dircopy")));
            log.step("directory copy is empty", () -> {
                try (Stream<Path> s = Files.list(root.resolve("dircopy"))) {
                    return s.count();
                }
            });
            log.step("copy onto a non-empty directory with REPLACE_EXISTING",
                    () -> Files.copy(a, root.resolve("dir"), StandardCopyOption.REPLACE_EXISTING));
            log.step("copy with COPY_ATTRIBUTES keeps the time", () -> {
                Files.setLastModifiedTime(a, FileTime.from(Instant.parse("2020-02-02T10:20:30Z")));
                Path t = Files.copy(a, root.resolve("attrs.txt"), StandardCopyOption.COPY_ATTRIBUTES);
                return Files.getLastModifiedTime(t);
            });
            log.step("move to a new name", () -> Files.move(root.resolve("c.txt"), root.resolve("moved.txt")));
            log.step("source is gone", () -> Files.exists(root.resolve("c.txt")));
            log.step("move over an existing file", () -> Files.move(root.resolve("moved.txt"), b));
            log.step("move with REPLACE_EXISTING", () -> Files.move(root.resolve("moved.txt"), b, StandardCopyOption.REPLACE_EXISTING));
            log.step("after replacing move", () -> Files.readString(b) + " " + Files.exists(root.resolve("moved.txt")));
            log.step("ATOMIC_MOVE", () -> Files.move(b, root.resolve("atomic.txt"), StandardCopyOption.ATOMIC_MOVE));
            log.step("move a missing file", () -> Files.move(root.resolve("none"), root.resolve("x")));
            log.step("move a directory with contents", () -> Files.move(root.resolve("dir"), root.resolve("dir2")));
            log.step("moved directory content", () -> Files.readString(root.resolve("dir2/sub/in.txt")));
            log.step("move onto an empty directory with REPLACE_EXISTING",
                    () -> Files.move(root.resolve("atomic.txt"), root.resolve("emptydir"), StandardCopyOption.REPLACE_EXISTING));
            log.step("replaced directory is a file", () -> Files.isRegularFile(root.resolve("emptydir")));
            log.step("move onto a non-empty directory with REPLACE_EXISTING",
                    () -> Files.move(a, root.resolve("dir2"), StandardCopyOption.REPLACE_EXISTING));
            log.step("move onto itself", () -> Files.move(a, a));
        });
    }

    @Test
    void attributes(SambaServer server, @TempDir Path tmp) throws Exception {
        same(server, tmp, (root, log) -> {
            Path f = Files.writeString(root.resolve("f.txt"), "12345");
            Path d = Files.createDirectory(root.resolve("d"));
            log.step("size", () -> Files.size(f));
            log.step("file kinds", () -> Files.isRegularFile(f) + " " + Files.isDirectory(f) + " " + Files.isSymbolicLink(f)
                    + " / " + Files.isRegularFile(d) + " " + Files.isDirectory(d));
            log.step("setLastModifiedTime", () -> Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2021-06-07T08:09:10Z"))));
            log.step("getLastModifiedTime", () -> Files.getLastModifiedTime(f));
            log.step("basic attributes", () -> {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                return a.size() + " " + a.isRegularFile() + " " + a.isDirectory() + " " + a.isOther() + " " + a.lastModifiedTime();
            });
            log.step("attribute map", () -> new TreeMap<>(Files.readAttributes(f, "size,isDirectory,lastModifiedTime")));
            log.step("one attribute", () -> Files.getAttribute(f, "basic:size"));
            log.step("setAttribute lastModifiedTime", () -> {
                Files.setAttribute(d, "lastModifiedTime", FileTime.from(Instant.parse("2019-01-01T00:00:00Z")));
                return Files.getLastModifiedTime(d);
            });
            log.step("unknown attribute", () -> Files.readAttributes(f, "basic:nosuch"));
            log.step("attributes of a missing file", () -> Files.readAttributes(root.resolve("none"), BasicFileAttributes.class));
            log.step("size of a missing file", () -> Files.size(root.resolve("none")));
            log.step("access", () -> Files.isReadable(f) + " " + Files.isWritable(f) + " " + Files.isReadable(root.resolve("none")));
            log.step("isSameFile", () -> Files.isSameFile(f, root.resolve("d/../f.txt")) + " " + Files.isSameFile(f, d));
            log.step("isSameFile of a missing file", () -> Files.isSameFile(f, root.resolve("none")));
            log.step("toRealPath", () -> root.resolve("d/../f.txt").toRealPath());
            log.step("toRealPath of a missing file", () -> root.resolve("none").toRealPath());
        });
    }

    @Test
    void asynchronousFileChannel(SambaServer server, @TempDir Path tmp) throws Exception {
        same(server, tmp, AsyncChannelScenario::run);
    }
}
