package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.DirEntry;
import dev.smbco.client.FileStat;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbAlreadyExistsException;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbNotEmptyException;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbSharingViolationException;
import dev.smbco.client.SmbStatusException;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.smb2.FileAttributes;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every file operation, on SMB 3.1.1 and on SMB 2.0.2. */
@ExtendWith(SambaExtension.class)
class FileOperationsTest {

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] readAll(SmbTree tree, String path) {
        try (var f = tree.open(path, OpenOptions.read())) {
            ByteBuf b = f.read(0, (int) f.size() + 10);
            try {
                return ByteBufUtil.getBytes(b);
            } finally {
                b.release();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void writeReadStatListRenameDelete(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            assertThat(smb.conn.negotiated().dialect()).isEqualTo(dialect);
            SmbTree tree = smb.tree;
            String dir = Smb.uniqueDir("ops");
            tree.mkdir(dir);
            byte[] data = random(300_000, 1); // several READs/WRITEs on 2.0.2 (64 KiB max)
            try (var f = tree.open(dir + "/a.txt", OpenOptions.write())) {
                assertThat(f.write(0, data)).isEqualTo(data.length);
                f.flush();
            }
            assertThat(readAll(tree, dir + "/a.txt")).isEqualTo(data);
            FileStat st = tree.stat(dir + "/a.txt");
            assertThat(st.size()).isEqualTo(data.length);
            assertThat(st.isDirectory()).isFalse();
            assertThat(tree.stat(dir).isDirectory()).isTrue();
            assertThat(tree.list(dir)).extracting(DirEntry::name).containsExactly("a.txt");
            tree.rename(dir + "/a.txt", dir + "/b.txt", false);
            assertThat(tree.exists(dir + "/a.txt")).isFalse();
            assertThat(tree.list(dir)).singleElement().satisfies(e -> {
                assertThat(e.name()).isEqualTo("b.txt");
                assertThat(e.size()).isEqualTo(data.length);
            });
            tree.delete(dir + "/b.txt");
            assertThat(tree.list(dir)).isEmpty();
            tree.rmdir(dir);
            assertThat(tree.exists(dir)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void readingPastTheEndGivesWhatThereIs(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            String name = Smb.uniqueDir("eof") + ".bin";
            try (var f = smb.tree.open(name, OpenOptions.write())) {
                f.write(0, "0123456789".getBytes(StandardCharsets.US_ASCII));
                ByteBuf tail = f.read(6, 100);
                ByteBuf none = f.read(50, 10);
                try {
                    assertThat(tail.toString(StandardCharsets.US_ASCII)).isEqualTo("6789");
                    assertThat(none.readableBytes()).isZero();
                } finally {
                    tail.release();
                    none.release();
                }
            }
            smb.tree.delete(name);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void renameOverAnExistingFileNeedsReplace(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            SmbTree tree = smb.tree;
            String dir = Smb.uniqueDir("ren");
            tree.mkdir(dir);
            try (var f = tree.open(dir + "/x", OpenOptions.write())) {
                f.write(0, new byte[] {1});
            }
            try (var f = tree.open(dir + "/y", OpenOptions.write())) {
                f.write(0, new byte[] {2, 2});
            }
            assertThatThrownBy(() -> tree.rename(dir + "/x", dir + "/y", false))
                    .isInstanceOf(SmbAlreadyExistsException.class)
                    .hasMessageContaining("STATUS_OBJECT_NAME_COLLISION");
            tree.rename(dir + "/x", dir + "/y", true);
            assertThat(tree.stat(dir + "/y").size()).isEqualTo(1);
            tree.deleteTree(dir);
            assertThat(tree.exists(dir)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void mkdirsDeleteTreeAndWalk(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            SmbTree tree = smb.tree;
            String root = Smb.uniqueDir("tree");
            tree.mkdirs(root + "/a/b/c");
            tree.mkdirs(root + "/a/b/c"); // existing parents and leaf are fine
            tree.mkdirs(root + "/d");
            for (String f : List.of("a/1.txt", "a/b/2.txt", "a/b/c/3.txt", "d/4.txt")) {
                try (var h = tree.open(root + "/" + f, OpenOptions.write())) {
                    h.write(0, f.getBytes(StandardCharsets.UTF_8));
                }
            }
            List<String> seen = new ArrayList<>();
            long n = tree.walk(root, (path, entry) -> seen.add(path.replace('\\', '/')));
            assertThat(n).isEqualTo(8);
            assertThat(seen).contains(root + "/a/b/c/3.txt", root + "/d/4.txt", root + "/a/b");
            assertThatThrownBy(() -> tree.rmdir(root + "/a"))
                    .isInstanceOf(SmbNotEmptyException.class)
                    .hasMessageContaining("STATUS_DIRECTORY_NOT_EMPTY");
            tree.deleteTree(root);
            assertThat(tree.exists(root)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void setTimesAndAttributes(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            SmbTree tree = smb.tree;
            String name = Smb.uniqueDir("times") + ".txt";
            try (var f = tree.open(name, OpenOptions.write())) {
                f.write(0, new byte[] {42});
            }
            Instant when = Instant.parse("2001-02-03T04:05:06.123456700Z");
            tree.setTimes(name, null, when, when, null);
            FileStat st = tree.stat(name);
            assertThat(st.lastWriteTime().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(when.truncatedTo(ChronoUnit.SECONDS));
            tree.setAttributes(name, FileAttributes.READONLY);
            assertThat(tree.stat(name).isReadOnly()).isTrue();
            tree.setAttributes(name, FileAttributes.NORMAL);
            assertThat(tree.stat(name).isReadOnly()).isFalse();
            tree.delete(name);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void nonAsciiAndNonBmpNamesRoundTrip(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            SmbTree tree = smb.tree;
            String dir = Smb.uniqueDir("uni");
            String name = "Ünïcødé 日本語 🎉.txt";
            tree.mkdir(dir);
            try (var f = tree.open(dir + "/" + name, OpenOptions.write())) {
                f.write(0, name.getBytes(StandardCharsets.UTF_8));
            }
            assertThat(tree.list(dir)).extracting(DirEntry::name).containsExactly(name);
            assertThat(new String(readAll(tree, dir + "/" + name), StandardCharsets.UTF_8)).isEqualTo(name);
            tree.deleteTree(dir);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void statusErrorsAreTypedAndNameThePath(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            SmbTree tree = smb.tree;
            String dir = Smb.uniqueDir("err");
            tree.mkdir(dir);
            assertThatThrownBy(() -> tree.open(dir + "/missing.txt", OpenOptions.read()))
                    .isInstanceOf(SmbNotFoundException.class)
                    .hasMessage("CREATE \\\\" + server.host() + "\\" + server.share() + "\\" + dir
                            + "\\missing.txt: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)");
            assertThatThrownBy(() -> tree.mkdir(dir))
                    .isInstanceOf(SmbAlreadyExistsException.class)
                    .hasMessageContaining("STATUS_OBJECT_NAME_COLLISION");
            try (var f = tree.open(dir + "/locked", OpenOptions.write().withShareAccess(0))) {
                assertThatThrownBy(() -> tree.open(dir + "/locked", OpenOptions.read()))
                        .isInstanceOf(SmbSharingViolationException.class)
                        .hasMessageContaining("STATUS_SHARING_VIOLATION");
                assertThat(f.isOpen()).isTrue();
            }
            assertThatThrownBy(() -> tree.open(dir + "/no/such/dir/x", OpenOptions.read()))
                    .isInstanceOf(SmbNotFoundException.class)
                    .satisfies(e -> assertThat(((SmbStatusException) e).path()).endsWith("x"));
            tree.deleteTree(dir);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void badInputFailsReadably(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            SmbTree tree = smb.tree;
            assertThatThrownBy(() -> tree.openSend("bad:name?.txt", OpenOptions.write()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("':'");
            String name = Smb.uniqueDir("closed") + ".txt";
            var f = tree.open(name, OpenOptions.write());
            assertThatThrownBy(() -> f.readSend(-1, 10)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("negative offset");
            f.close();
            assertThatThrownBy(() -> f.read(0, 10)).isInstanceOf(SmbException.class)
                    .hasMessageContaining("closed");
            assertThatThrownBy(() -> f.write(0, new byte[1])).isInstanceOf(SmbException.class)
                    .hasMessageContaining("closed");
            tree.delete(name);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void patternsFilterListings(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            SmbTree tree = smb.tree;
            String dir = Smb.uniqueDir("pat");
            tree.mkdir(dir);
            for (String n : List.of("a.txt", "b.txt", "c.log")) {
                tree.open(dir + "/" + n, OpenOptions.write()).close();
            }
            assertThat(tree.list(dir, "*.txt")).extracting(DirEntry::name).containsExactlyInAnyOrder("a.txt", "b.txt");
            assertThat(tree.list(dir, "*.none")).isEmpty();
            tree.deleteTree(dir);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void sharingViolationWhenOpenWithoutShareAccess(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            String name = Smb.uniqueDir("share") + ".txt";
            try (var f = smb.tree.open(name, OpenOptions.write().withShareAccess(ShareAccess.READ))) {
                assertThatThrownBy(() -> smb.tree.open(name, OpenOptions.write()))
                        .isInstanceOf(SmbSharingViolationException.class);
            }
            smb.tree.delete(name);
        }
    }
}
