package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every command of the real CLI against real Samba, in-process. */
@ExtendWith(SambaExtension.class)
class CliCommandsTest {
    @org.junit.jupiter.api.AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void putGetCatAndStdio(SambaServer server) throws IOException {
        Cli cli = new Cli(server).mkdir();
        byte[] data = random(300_000, 1);
        Path local = Files.write(tmp.resolve("data.bin"), data);

        Cli.Result put = cli.run("put", local.toString(), cli.url("") + "/");
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(put.err()).as("summary on stderr, nothing on stdout").startsWith("copied 1 file, 293.0 KiB in ");
        assertThat(put.out()).isEmpty();

        Cli.Result get = cli.run("get", cli.url("data.bin"), tmp.resolve("back.bin").toString());
        assertThat(get.status()).as(get.toString()).isZero();
        assertThat(Files.readAllBytes(tmp.resolve("back.bin"))).isEqualTo(data);

        Cli.Result toStdout = cli.run("get", cli.url("data.bin"), "-");
        assertThat(toStdout.status()).as(toStdout.toString()).isZero();
        assertThat(toStdout.outBytes()).isEqualTo(data);

        byte[] piped = random(70_000, 2);
        Cli.Result fromStdin = cli.run(new ByteArrayInputStream(piped), "put", "-", cli.url("piped.bin"));
        assertThat(fromStdin.status()).as(fromStdin.toString()).isZero();
        Cli.Result cat = cli.run("cat", cli.url("piped.bin"));
        assertThat(cat.status()).isZero();
        assertThat(cat.outBytes()).isEqualTo(piped);

        Cli.Result intoCwd = cli.run("-q", "get", cli.url("piped.bin"), tmp.toString());
        assertThat(intoCwd.status()).as(intoCwd.toString()).isZero();
        assertThat(intoCwd.err()).as("-q: no summary").isEmpty();
        assertThat(Files.readAllBytes(tmp.resolve("piped.bin"))).isEqualTo(piped);
    }

    @Test
    void lsAndStatJsonParseBack(SambaServer server) throws IOException {
        Cli cli = new Cli(server).mkdir();
        assertThat(cli.run("mkdir", cli.url("sub")).status()).isZero();
        assertThat(cli.run(new ByteArrayInputStream("12345".getBytes(StandardCharsets.UTF_8)), "put", "-", cli.url("five.txt")).status()).isZero();

        Cli.Result ls = cli.run("ls", "--json", cli.url(""));
        assertThat(ls.status()).as(ls.toString()).isZero();
        JsonNode list = JSON.readTree(ls.out());
        assertThat(list.isArray()).isTrue();
        List<String> names = new ArrayList<>();
        list.forEach(n -> names.add(n.get("name").asText() + ":" + n.get("type").asText()));
        assertThat(names).containsExactly("five.txt:file", "sub:directory");
        JsonNode five = list.get(0);
        assertThat(five.get("size").asLong()).isEqualTo(5);
        assertThat(five.get("path").asText()).isEqualTo(cli.dir + "/five.txt");
        assertThat(five.get("modified").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");

        assertThat(cli.run("ls", cli.url("")).out()).isEqualTo("five.txt\nsub/\n");
        Cli.Result longLs = cli.run("ls", "-l", cli.url(""));
        assertThat(longLs.out()).contains("-            5 ").contains("five.txt").contains("d            0 ");

        Cli.Result stat = cli.run("stat", "--json", cli.url("five.txt"));
        assertThat(stat.status()).as(stat.toString()).isZero();
        JsonNode s = JSON.readTree(stat.out());
        assertThat(s.get("type").asText()).isEqualTo("file");
        assertThat(s.get("size").asLong()).isEqualTo(5);
        assertThat(s.get("name").asText()).isEqualTo("five.txt");
        assertThat(JSON.readTree(cli.run("stat", "--json", cli.url("sub")).out()).get("type").asText()).isEqualTo("directory");
        Cli.Result plainStat = cli.run("stat", cli.url("five.txt"));
        assertThat(plainStat.out()).contains("Type: file").contains("Size: 5").contains("Modified: ");
    }

    @Test
    void mkdirRmdirRmMv(SambaServer server) {
        Cli cli = new Cli(server).mkdir();
        assertThat(cli.run("mkdir", "-p", cli.url("a/b/c")).status()).isZero();
        assertThat(cli.run("mkdir", "-p", cli.url("a/b")).status()).as("-p accepts existing").isZero();
        Cli.Result again = cli.run("mkdir", cli.url("a"));
        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("smbco: " + cli.shown("a") + ": already exists (STATUS_OBJECT_NAME_COLLISION)\n");

        Cli.Result notEmpty = cli.run("rmdir", cli.url("a/b"));
        assertThat(notEmpty.status()).isEqualTo(1);
        assertThat(notEmpty.err()).contains("directory not empty (STATUS_DIRECTORY_NOT_EMPTY)");
        assertThat(cli.run("rmdir", cli.url("a/b/c")).status()).isZero();

        assertThat(cli.run(new ByteArrayInputStream(new byte[] {1, 2, 3}), "put", "-", cli.url("a/f.bin")).status()).isZero();
        assertThat(cli.run("mv", cli.url("a/f.bin"), cli.url("a/b") + "/").status()).isZero();
        assertThat(cli.run("ls", cli.url("a/b")).out()).isEqualTo("f.bin\n");
        assertThat(cli.run("mv", cli.url("a/b/f.bin"), cli.url("a/g.bin")).status()).isZero();
        assertThat(cli.run("cat", cli.url("a/g.bin")).outBytes()).containsExactly(1, 2, 3);

        Cli.Result dir = cli.run("rm", cli.url("a"));
        assertThat(dir.status()).isEqualTo(1);
        assertThat(dir.err()).contains("is a directory (use -r)");
        Cli.Result missing = cli.run("rm", cli.url("nothing.txt"));
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("smbco: " + cli.shown("nothing.txt") + ": no such file (STATUS_OBJECT_NAME_NOT_FOUND)\n");
        assertThat(cli.run("rm", "-f", cli.url("nothing.txt")).status()).isZero();
        assertThat(cli.run("rm", cli.url("a/g.bin")).status()).isZero();
        assertThat(cli.run("rm", "-r", cli.url("a")).status()).isZero();
        assertThat(cli.run("ls", cli.url("")).out()).isEmpty();
    }

    @Test
    void percentEncodedAndNonAsciiNames(SambaServer server) throws IOException {
        Cli cli = new Cli(server).mkdir();
        String dir = "déjà vu 日本";
        String file = "naïve ファイル #1 %.txt";
        assertThat(cli.run("mkdir", cli.url(dir)).status()).isZero();
        Path local = Files.writeString(tmp.resolve(file), "ünïcødé");
        Cli.Result put = cli.run("put", local.toString(), cli.url(dir) + "/");
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(cli.run("ls", cli.url(dir)).out()).isEqualTo(file + "\n");
        // raw (unencoded) non-ASCII characters in the URL work too
        String raw = cli.share(server.share()) + "/" + cli.dir + "/" + dir.replace(" ", "%20") + "/" + Cli.encode(file);
        Cli.Result cat = cli.run("cat", raw);
        assertThat(cat.status()).as(cat.toString()).isZero();
        assertThat(cat.out()).isEqualTo("ünïcødé");
        assertThat(JSON.readTree(cli.run("stat", "--json", cli.url(dir + "/" + file)).out()).get("name").asText()).isEqualTo(file);
    }

    @Test
    void recursiveCopyOfANestedTreeBothWays(SambaServer server) throws IOException {
        Cli cli = new Cli(server).mkdir();
        Path src = tmp.resolve("tree");
        Random r = new Random(7);
        String[] dirs = {"", "a", "a/bé", "a/bé/日本", "c d", "c d/Ελλάδα", "empty"};
        for (String d : dirs) {
            Files.createDirectories(src.resolve(d));
        }
        for (int i = 0; i < 40; i++) {
            String d = dirs[i % (dirs.length - 1)];
            byte[] data = new byte[i == 5 ? 3_000_000 : r.nextInt(20_000)];
            r.nextBytes(data);
            Files.write(src.resolve(d).resolve("f-" + i + (i % 3 == 0 ? "-ü" : "") + ".bin"), data);
        }
        Cli.Result up = cli.run("--parallel", "4", "cp", "-r", src.toString(), cli.url("deep/er/tree"));
        assertThat(up.status()).as(up.toString()).isZero();
        assertThat(up.err()).startsWith("copied 40 files, ");

        Path back = tmp.resolve("back");
        Cli.Result down = cli.run("cp", "-r", cli.url("deep/er/tree"), back + "/");
        assertThat(down.status()).as(down.toString()).isZero();
        Map<String, String> expected = Cli.sha256Tree(src);
        assertThat(Cli.sha256Tree(back.resolve("tree"))).isEqualTo(expected);
        assertThat(expected.keySet()).contains("empty/", "a/bé/日本/");

        Cli.Result recursive = cli.run("ls", "-R", cli.url("deep/er/tree"));
        assertThat(recursive.out().lines().count()).isEqualTo(expected.size());
        assertThat(recursive.out()).contains("a/bé/日本/").contains("c d/Ελλάδα/");

        Cli.Result noR = cli.run("cp", src.toString(), cli.url("x"));
        assertThat(noR.status()).isEqualTo(1);
        assertThat(noR.err()).contains("is a directory (use -r to copy it)");
        Cli.Result noParents = cli.run("cp", src.resolve("a/f-1.bin").toString(), cli.url("no/such/dir/f.bin"));
        assertThat(noParents.status()).isEqualTo(1);
        assertThat(noParents.err()).contains("no such directory");
    }

    @Test
    void refusesToOverwriteADirectoryWithAFile(SambaServer server) throws IOException {
        Cli cli = new Cli(server).mkdir();
        assertThat(cli.run("mkdir", "-p", cli.url("d/f.txt")).status()).isZero();
        Path f = Files.writeString(tmp.resolve("f.txt"), "f");
        Cli.Result r = cli.run("cp", f.toString(), cli.url("d") + "/");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("smbco: " + cli.shown("d/f.txt") + ": cannot overwrite a directory with a file\n");
    }

    /**
     * smb to smb on one server runs inside the server (FSCTL_SRV_COPYCHUNK): the CLI talks to Samba
     * through a proxy that counts every frame both ways, and copying 64 MiB - within a share, to
     * another share of the same connection, and as part of a tree - moves well under 1 MiB, where
     * streaming through the client would move 128 MiB. The copies are then checked by SHA-256.
     */
    @Test
    void copiesWithinTheSameServer(SambaServer server) throws IOException {
        Path big = BigFile.write(tmp.resolve("src.bin"), 64);
        String sha = Cli.sha256(Files.readAllBytes(big));
        LongAdder traffic = new LongAdder();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            for (var direction : List.of(proxy.clientToServer(), proxy.serverToClient())) {
                direction.rewrite(frame -> {
                    traffic.add(frame.length);
                    return false;
                }, 0, frame -> frame);
            }
            Cli cli = new Cli(proxy.front(server)).mkdir();
            assertThat(cli.run("-q", "put", big.toString(), cli.url("src.bin")).status()).isZero();

            traffic.reset();
            Cli.Result copy = cli.run("cp", cli.url("src.bin"), cli.url("copy.bin"));
            assertThat(copy.status()).as(copy.toString()).isZero();
            assertThat(copy.err()).startsWith("copied 1 file, 64.0 MiB");
            assertThat(traffic.sum()).as("bytes through the proxy for a 64 MiB copy").isLessThan(1 << 20);

            traffic.reset();
            String other = cli.share("public") + "/" + cli.dir + "-copy.bin";
            Cli.Result across = cli.run("cp", cli.url("src.bin"), other);
            assertThat(across.status()).as(across.toString()).isZero();
            assertThat(traffic.sum()).as("bytes through the proxy for a copy to another share").isLessThan(1 << 20);

            assertThat(cli.run("mkdir", cli.url("t")).status()).isZero();
            assertThat(cli.run("mv", cli.url("copy.bin"), cli.url("t/")).status()).isZero();
            traffic.reset();
            Cli.Result tree = cli.run("cp", "-r", cli.url("t"), cli.url("t2"));
            assertThat(tree.status()).as(tree.toString()).isZero();
            assertThat(traffic.sum()).as("bytes through the proxy for a tree copy").isLessThan(1 << 20);

            for (String url : List.of(cli.url("t/copy.bin"), other, cli.url("t2/copy.bin"))) {
                Cli.Result cat = cli.run("cat", url);
                assertThat(cat.status()).as(cat.toString()).isZero();
                assertThat(Cli.sha256(cat.outBytes())).as(url).isEqualTo(sha);
            }
            assertThat(cli.run("ls", cli.url("t2")).out()).as("no temporary file left").isEqualTo("copy.bin\n");
            assertThat(cli.run("rm", other).status()).isZero();
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }
}
