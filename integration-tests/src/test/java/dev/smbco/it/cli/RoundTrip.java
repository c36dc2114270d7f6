package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The CLI round trip a compatibility cell runs against one server: put, get, cp -r of a tree
 * both ways, ls, mkdir, mv, rm, each byte-exact. What the server holds after an upload is checked
 * through {@link ServerView} - the server's own file system or an independent client - never only
 * through our own download.
 */
final class RoundTrip {
    /** The server's own view of the files in the test's directory (paths relative to it, with '/'). */
    interface ServerView {
        /** The file's bytes as the server holds them. */
        byte[] read(String path) throws Exception;

        /** Whether a name exists on the server (file or directory). */
        boolean exists(String path) throws Exception;
    }

    private RoundTrip() {
    }

    /** A file that crosses 64 KiB I/O limits and the CLI's 1 MiB single-WRITE path, unaligned. */
    static final int BIG = 1_300_017;

    /**
     * Runs the round trip in {@code cli}'s directory (which must exist), with {@code options}
     * (e.g. {@code --signing required}) before every command.
     */
    static void run(Cli cli, Path tmp, ServerView server, String... options) throws Exception {
        Random random = new Random(BIG);
        byte[] big = new byte[BIG];
        random.nextBytes(big);
        Path local = Files.write(tmp.resolve("big.bin"), big);

        // put, checked on the server's side
        Cli.Result put = run(cli, options, "put", local.toString(), cli.url("big.bin"));
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(server.read("big.bin")).as("the server holds exactly what was put").isEqualTo(big);

        // get
        Path back = tmp.resolve("back.bin");
        Cli.Result get = run(cli, options, "get", cli.url("big.bin"), back.toString());
        assertThat(get.status()).as(get.toString()).isZero();
        assertThat(Files.readAllBytes(back)).as("get returns exactly what the server holds").isEqualTo(big);

        // cp -r of a tree up, checked file by file on the server, and down again
        Path tree = tmp.resolve("tree");
        Map<String, byte[]> files = Map.of("a.txt", "a small file\n".getBytes(), "sub/b.bin", bytes(random, 70_001),
                "sub/deeper/c.bin", bytes(random, 65_536), "sub/empty.bin", new byte[0]);
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            Path p = tree.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.write(p, e.getValue());
        }
        Files.createDirectories(tree.resolve("emptydir"));
        Cli.Result up = run(cli, options, "cp", "-r", tree.toString(), cli.url("tree"));
        assertThat(up.status()).as(up.toString()).isZero();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            assertThat(server.read("tree/" + e.getKey())).as("tree/" + e.getKey() + " on the server").isEqualTo(e.getValue());
        }
        assertThat(server.exists("tree/emptydir")).as("the empty directory was created").isTrue();
        Path down = tmp.resolve("down");
        Cli.Result copyDown = run(cli, options, "cp", "-r", cli.url("tree"), down + "/");
        assertThat(copyDown.status()).as(copyDown.toString()).isZero();
        assertThat(Cli.sha256Tree(down.resolve("tree"))).isEqualTo(Cli.sha256Tree(tree));

        // ls, mkdir, mv, rm
        Cli.Result ls = run(cli, options, "ls", cli.url(""));
        assertThat(ls.status()).as(ls.toString()).isZero();
        assertThat(ls.out()).isEqualTo("big.bin\ntree/\n");
        Cli.Result mkdir = run(cli, options, "mkdir", cli.url("moved"));
        assertThat(mkdir.status()).as(mkdir.toString()).isZero();
        assertThat(server.exists("moved")).isTrue();
        Cli.Result mv = run(cli, options, "mv", cli.url("big.bin"), cli.url("moved/renamed.bin"));
        assertThat(mv.status()).as(mv.toString()).isZero();
        assertThat(server.exists("big.bin")).as("mv leaves nothing under the old name").isFalse();
        assertThat(server.read("moved/renamed.bin")).as("mv keeps the content").isEqualTo(big);
        assertThat(run(cli, options, "ls", cli.url("moved")).out()).isEqualTo("renamed.bin\n");
        Cli.Result rm = run(cli, options, "rm", cli.url("moved/renamed.bin"));
        assertThat(rm.status()).as(rm.toString()).isZero();
        assertThat(server.exists("moved/renamed.bin")).isFalse();
        Cli.Result rmTree = run(cli, options, "rm", "-r", cli.url("tree"));
        assertThat(rmTree.status()).as(rmTree.toString()).isZero();
        assertThat(server.exists("tree")).isFalse();
        assertThat(run(cli, options, "ls", cli.url("")).out()).isEqualTo("moved/\n");
    }

    private static Cli.Result run(Cli cli, String[] options, String... command) {
        List<String> args = new ArrayList<>(Arrays.asList(options));
        args.add("-q");
        args.addAll(Arrays.asList(command));
        return cli.run(args.toArray(String[]::new));
    }

    private static byte[] bytes(Random random, int size) {
        byte[] b = new byte[size];
        random.nextBytes(b);
        return b;
    }
}
