package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.testserver.DfsExtension;
import dev.smbco.testserver.DfsNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line in a DFS namespace ({@link DfsNamespace}): {@code smbco ls/put/get/cat} on
 * {@code smb://root/dfsroot/link/...} reach the link's target share on the second server.
 */
@ExtendWith(DfsExtension.class)
class CliDfsTest {
    private static Cli cli(DfsNamespace dfs) {
        return new Cli(new Cli.Endpoint(dfs.rootServer().host(), dfs.rootServer().port(), dfs.rootServer().user(),
                dfs.rootServer().password(), DfsNamespace.ROOT_SHARE));
    }

    @Test
    void putLsGetAndCatThroughALinkReachTheSecondServer(DfsNamespace dfs, @TempDir Path tmp) throws Exception {
        Cli cli = cli(dfs);
        String link = cli.share(DfsNamespace.ROOT_SHARE) + "/" + DfsNamespace.LINK;
        String name = "cli-dfs-" + UUID.randomUUID() + ".bin";
        byte[] data = new byte[2 * 1024 * 1024 + 5];
        new Random(7).nextBytes(data);
        Path local = tmp.resolve(name);
        Files.write(local, data);

        Cli.Result put = cli.run("put", local.toString(), link + "/");
        assertThat(put.status()).as(put.toString()).isZero();
        assertThat(Cli.sha256(Files.readAllBytes(dfs.targetShareDir().resolve(name)))).isEqualTo(Cli.sha256(data));

        Cli.Result ls = cli.run("ls", link + "/");
        assertThat(ls.status()).as(ls.toString()).isZero();
        assertThat(ls.out()).contains(name + "\n");

        Cli.Result get = cli.run("get", link + "/" + name, tmp.resolve("back.bin").toString());
        assertThat(get.status()).as(get.toString()).isZero();
        assertThat(Cli.sha256(Files.readAllBytes(tmp.resolve("back.bin")))).isEqualTo(Cli.sha256(data));

        Files.writeString(dfs.targetShareDir().resolve(name + ".txt"), "via the failover link\n");
        Cli.Result cat = cli.run("cat", cli.share(DfsNamespace.ROOT_SHARE) + "/" + DfsNamespace.FAILOVER_LINK + "/" + name + ".txt");
        assertThat(cat.status()).as(cat.toString()).isZero();
        assertThat(cat.out()).isEqualTo("via the failover link\n");
    }

    @Test
    void theRootItselfListsItsLinks(DfsNamespace dfs) {
        Cli cli = cli(dfs);
        Cli.Result ls = cli.run("ls", cli.share(DfsNamespace.ROOT_SHARE) + "/");
        assertThat(ls.status()).as(ls.toString()).isZero();
        assertThat(ls.out()).contains(DfsNamespace.LINK + "/\n", DfsNamespace.FAILOVER_LINK + "/\n");
    }

    @Test
    void aReferralLoopIsOneClearLineAndAFailure(DfsNamespace dfs) {
        Cli cli = cli(dfs);
        Cli.Result ls = cli.run("ls", cli.share(DfsNamespace.ROOT_SHARE) + "/" + DfsNamespace.LOOP_LINK + "/");
        assertThat(ls.status()).as(ls.toString()).isNotZero();
        assertThat(ls.err()).contains("DFS referral loop").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void noDfsLeavesALinkUnfollowedWithOneClearLine(DfsNamespace dfs) throws Exception {
        Cli cli = cli(dfs);
        String name = "cli-nodfs-" + UUID.randomUUID() + ".txt";
        Files.writeString(dfs.targetShareDir().resolve(name), "behind the link\n");
        String link = cli.share(DfsNamespace.ROOT_SHARE) + "/" + DfsNamespace.LINK + "/";
        Cli.Result followed = cli.run("cat", link + name);
        assertThat(followed.status()).as(followed.toString()).isZero();
        assertThat(followed.out()).isEqualTo("behind the link\n");

        Cli.Result cat = cli.run("--no-dfs", "cat", link + name);
        assertThat(cat.status()).as(cat.toString()).isNotZero();
        assertThat(cat.err()).contains("STATUS_PATH_NOT_COVERED").doesNotContain("Exception").doesNotContain("\tat ");
        Cli.Result ls = cli.run("--no-dfs", "ls", link);
        assertThat(ls.status()).as(ls.toString()).isNotZero();
        assertThat(ls.out()).doesNotContain(name);
        // the root's own entries are still listed
        Cli.Result root = cli.run("--no-dfs", "ls", cli.share(DfsNamespace.ROOT_SHARE) + "/");
        assertThat(root.status()).as(root.toString()).isZero();
        assertThat(root.out()).contains(DfsNamespace.LINK + "/\n");
    }
}
