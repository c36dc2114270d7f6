package dev.smbco.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smbco.cli.remote.LocalDirRemote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's own rules (where a copy lands, what is refused, what is cleaned up, what is printed),
 * run through {@link Main#run} against {@link LocalDirRemote}. The same commands run against real
 * Samba in integration-tests (dev.smbco.it.cli).
 */
class CommandRulesTest {
    @TempDir
    Path tmp;
    Path server;
    Path local;
    final AtomicReference<LocalDirRemote> last = new AtomicReference<>();
    long failAfter = -1;

    record Result(int status, String out, String err) {
    }

    @BeforeEach
    void setUp() throws IOException {
        server = Files.createDirectories(tmp.resolve("server/share"));
        local = Files.createDirectories(tmp.resolve("local"));
    }

    Result runWithStdin(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Terminal.NONE, options -> {
                    LocalDirRemote r = new LocalDirRemote(tmp.resolve("server"));
                    r.failAfterBytes.set(failAfter);
                    last.set(r);
                    return r;
                });
        int status = Main.run(args, io);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Path write(Path p, String content) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content);
    }

    @Test
    void putIntoDirectoryAndGetBack() throws IOException {
        Files.createDirectories(server.resolve("dir"));
        Path f = write(local.resolve("hello wörld.txt"), "hello");
        Result put = run("put", f.toString(), "smb://h/share/dir/");
        assertThat(put.status()).as(put.err()).isZero();
        assertThat(server.resolve("dir/hello wörld.txt")).hasContent("hello");
        assertThat(put.err()).startsWith("copied 1 file, 5 B in ");
        Result get = run("-q", "get", "smb://h/share/dir/hello%20w%C3%B6rld.txt", local.resolve("back.txt").toString());
        assertThat(get.status()).as(get.err()).isZero();
        assertThat(get.err()).isEmpty();
        assertThat(local.resolve("back.txt")).hasContent("hello");
        assertThat(last.get().closes.get()).as("the connection is closed at the end").isEqualTo(1);
    }

    @Test
    void stdinAndStdout() {
        assertThat(runWithStdin("from stdin", "put", "-", "smb://h/share/in.txt").status()).isZero();
        assertThat(server.resolve("in.txt")).hasContent("from stdin");
        Result get = run("get", "smb://h/share/in.txt", "-");
        assertThat(get.out()).isEqualTo("from stdin");
        assertThat(get.err()).as("no summary mixed into a pipe's stderr? it goes to stderr only").doesNotContain("from stdin");
        assertThat(run("cat", "smb://h/share/in.txt").out()).isEqualTo("from stdin");
        Result into = runWithStdin("x", "put", "-", "smb://h/share/dir/");
        assertThat(into.status()).isEqualTo(2);
        assertThat(into.err()).contains("must name the file");
    }

    @Test
    void directoryNeedsRecursive() throws IOException {
        write(local.resolve("tree/a.txt"), "a");
        Result r = run("cp", local.resolve("tree").toString(), "smb://h/share/");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("smbco: " + local.resolve("tree") + ": is a directory (use -r to copy it)\n");
    }

    @Test
    void recursiveCopyCreatesMissingParentsBothWays() throws IOException {
        write(local.resolve("tree/a.txt"), "a");
        write(local.resolve("tree/sub/ß/b.txt"), "b");
        Files.createDirectories(local.resolve("tree/empty"));
        Result up = run("--parallel", "3", "cp", "-r", local.resolve("tree").toString(), "smb://h/share/x/y/copy");
        assertThat(up.status()).as(up.err()).isZero();
        assertThat(server.resolve("x/y/copy/a.txt")).hasContent("a");
        assertThat(server.resolve("x/y/copy/sub/ß/b.txt")).hasContent("b");
        assertThat(server.resolve("x/y/copy/empty")).isDirectory();
        assertThat(up.err()).startsWith("copied 2 files, 2 B in ");

        Result down = run("cp", "-r", "smb://h/share/x/y/copy", local.resolve("back").toString() + "/");
        assertThat(down.status()).as(down.err()).isZero();
        assertThat(local.resolve("back/copy/sub/ß/b.txt")).hasContent("b");
        assertThat(local.resolve("back/copy/empty")).isDirectory();
    }

    @Test
    void withoutRecursiveMissingParentIsAnError() throws IOException {
        Path f = write(local.resolve("f.txt"), "f");
        Result r = run("cp", f.toString(), "smb://h/share/nope/f.txt");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("smb://h/share/nope: no such directory");
        assertThat(server.resolve("nope")).doesNotExist();
    }

    @Test
    void refusesToOverwriteADirectoryWithAFile() throws IOException {
        Files.createDirectories(server.resolve("d/f.txt"));
        Path f = write(local.resolve("f.txt"), "f");
        Result r = run("cp", f.toString(), "smb://h/share/d/");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("smbco: smb://h/share/d/f.txt: cannot overwrite a directory with a file\n");
        assertThat(server.resolve("d/f.txt")).isDirectory();
    }

    @Test
    void oneFileFailingInATreeDoesNotStopTheOthers() throws IOException {
        write(local.resolve("t/a.txt"), "a");
        write(local.resolve("t/b.txt"), "b");
        write(local.resolve("t/c.txt"), "c");
        Files.createDirectories(server.resolve("t/b.txt"));
        Result r = run("cp", "-r", local.resolve("t").toString(), "smb://h/share/");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().lines().toList()).containsExactly(
                "smbco: smb://h/share/t/b.txt: cannot overwrite a directory with a file",
                "smbco: 1 of 3 files could not be copied to smb://h/share/t");
        assertThat(server.resolve("t/a.txt")).hasContent("a");
        assertThat(server.resolve("t/c.txt")).hasContent("c");
    }

    @Test
    void failedCopyLeavesNoFileBehindOnEitherSide() throws IOException {
        Path f = write(local.resolve("big.bin"), "x".repeat(100_000));
        failAfter = 30_000;
        Result up = run("cp", f.toString(), "smb://h/share/big.bin");
        assertThat(up.status()).isEqualTo(3);
        assertThat(up.err()).contains("connection lost");
        try (Stream<Path> s = Files.list(server)) {
            assertThat(s.toList()).as("neither the final name nor a partial").isEmpty();
        }
        failAfter = -1;
        assertThat(run("cp", f.toString(), "smb://h/share/big.bin").status()).isZero();
        failAfter = 50_000;
        Result down = run("cp", "smb://h/share/big.bin", local.resolve("down.bin").toString());
        assertThat(down.status()).isEqualTo(3);
        try (Stream<Path> s = Files.list(local)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("big.bin");
        }
    }

    @Test
    void sameServerCopyIsServerSide() throws IOException {
        write(server.resolve("a.txt"), "abc");
        Result r = run("cp", "smb://h/share/a.txt", "smb://h/share/b.txt");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(server.resolve("b.txt")).hasContent("abc");
        assertThat(last.get().serverCopies.get()).isEqualTo(1);
    }

    @Test
    void rmRules() throws IOException {
        write(server.resolve("d/f.txt"), "f");
        Result missing = run("rm", "smb://h/share/none.txt");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("smbco: smb://h/share/none.txt: no such file (STATUS_OBJECT_NAME_NOT_FOUND)\n");
        assertThat(run("rm", "-f", "smb://h/share/none.txt").status()).isZero();
        Result dir = run("rm", "smb://h/share/d");
        assertThat(dir.status()).isEqualTo(1);
        assertThat(dir.err()).contains("is a directory (use -r)");
        Result two = run("rm", "smb://h/share/x1", "smb://h/share/x2");
        assertThat(two.err().lines().toList()).hasSize(2);
        assertThat(run("rm", "-r", "smb://h/share/d").status()).isZero();
        assertThat(server.resolve("d")).doesNotExist();
    }

    @Test
    void mkdirAndRmdir() {
        assertThat(run("mkdir", "smb://h/share/a").status()).isZero();
        Result again = run("mkdir", "smb://h/share/a");
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).contains("already exists (STATUS_OBJECT_NAME_COLLISION)");
        assertThat(run("mkdir", "-p", "smb://h/share/a/b/c", "smb://h/share/a").status()).isZero();
        assertThat(server.resolve("a/b/c")).isDirectory();
        Result notEmpty = run("rmdir", "smb://h/share/a");
        assertThat(notEmpty.status()).isEqualTo(1);
        assertThat(notEmpty.err()).contains("directory not empty (STATUS_DIRECTORY_NOT_EMPTY)");
        assertThat(run("rmdir", "smb://h/share/a/b/c").status()).isZero();
    }

    @Test
    void mvIntoDirectoryAndRename() throws IOException {
        write(server.resolve("a.txt"), "a");
        Files.createDirectories(server.resolve("d"));
        assertThat(run("mv", "smb://h/share/a.txt", "smb://h/share/d").status()).isZero();
        assertThat(server.resolve("d/a.txt")).hasContent("a");
        assertThat(run("mv", "smb://h/share/d/a.txt", "smb://h/share/d/b.txt").status()).isZero();
        assertThat(server.resolve("d/b.txt")).hasContent("a");
        assertThat(run("mv", "smb://h/share/d/b.txt", "smb://h/other/b.txt").status()).isEqualTo(2);
    }

    @Test
    void lsAndStatJson() throws IOException {
        write(server.resolve("d/日本.txt"), "12345");
        Files.createDirectories(server.resolve("d/sub"));
        Result ls = run("ls", "--json", "smb://h/share/d");
        assertThat(ls.status()).as(ls.err()).isZero();
        JsonNode list = new ObjectMapper().readTree(ls.out());
        assertThat(list.size()).isEqualTo(2);
        JsonNode file = list.get(1).get("type").asText().equals("file") ? list.get(1) : list.get(0);
        assertThat(file.get("name").asText()).isEqualTo("日本.txt");
        assertThat(file.get("path").asText()).isEqualTo("d/日本.txt");
        assertThat(file.get("size").asLong()).isEqualTo(5);
        assertThat(file.get("url").asText()).isEqualTo("smb://h/share/d/日本.txt");
        assertThat(run("ls", "smb://h/share/d").out()).isEqualTo("sub/\n日本.txt\n");
        assertThat(run("ls", "-R", "smb://h/share").out()).isEqualTo("d/\nd/sub/\nd/日本.txt\n");
        JsonNode stat = new ObjectMapper().readTree(run("stat", "--json", "smb://h/share/d/%E6%97%A5%E6%9C%AC.txt").out());
        assertThat(stat.get("type").asText()).isEqualTo("file");
        assertThat(stat.get("size").asLong()).isEqualTo(5);
        assertThat(List.of(stat.get("attributes").get(0).asText())).containsExactly("ARCHIVE");
    }

    @Test
    void missingShareIsExit1WithStatus() {
        Result r = run("ls", "smb://h/nosuch/x");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("smbco: smb://h/nosuch: no such share (STATUS_BAD_NETWORK_NAME)\n");
    }

    @Test
    void unreadableLocalFileIsExit1() {
        Result r = run("put", local.resolve("absent.txt").toString(), "smb://h/share/");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("smbco: " + local.resolve("absent.txt") + ": no such file or directory\n");
    }

    @Test
    void forcedProgressDrawsABar() throws IOException {
        Path f = write(local.resolve("p.bin"), "p".repeat(50_000));
        Result r = run("--progress", "put", f.toString(), "smb://h/share/");
        assertThat(r.status()).isZero();
        assertThat(r.err()).contains("\r100% [").contains("48.8 KiB / 48.8 KiB").contains("copied 1 file, 48.8 KiB");
        Result none = run("put", f.toString(), "smb://h/share/q.bin");
        assertThat(none.err()).doesNotContain("\r");
    }

    @Test
    void globalOptionsWorkAfterTheCommandToo() throws IOException {
        Path f = write(local.resolve("g.txt"), "g");
        Result quiet = run("put", f.toString(), "smb://h/share/", "-q");
        assertThat(quiet.status()).as(quiet.err()).isZero();
        assertThat(quiet.err()).isEmpty();
        Result bad = run("cp", "--parallel", "0", f.toString(), "smb://h/share/");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("smbco: --parallel must be from 1 to 64, not 0\n");
    }

    @Test
    void malformedUrlIsUsage() {
        Result r = run("ls", "smb://h:99999/share");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("smbco: malformed URL 'smb://h:99999/share': port");
        assertThat(run("cp", "/a", "/b").status()).isEqualTo(2);
    }
}
