package dev.smbco.it.nio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbStatusException;
import dev.smbco.nio.SmbFileAttributeView;
import dev.smbco.nio.SmbFileAttributes;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.ClosedFileSystemException;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.DosFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.apache.commons.io.file.PathUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** What only an smb:// file system has: its life cycle, URIs, DOS and smb attributes, access checks, space, Commons IO. */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class SmbProviderTest {

    @Test
    void oneFileSystemPerShareAndUserClosedForGoodWhenClosed(SambaServer server) throws Exception {
        URI uri = NioShare.uri(server, server.share());
        FileSystem fs = FileSystems.newFileSystem(uri, NioShare.env(server));
        Path root = fs.getPath("/");
        assertThat(Files.isDirectory(root)).isTrue();
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri, NioShare.env(server)))
                .isInstanceOf(FileSystemAlreadyExistsException.class);
        assertThat(FileSystems.getFileSystem(uri)).isSameAs(fs);
        fs.close();
        assertThat(fs.isOpen()).isFalse();
        assertThatThrownBy(() -> Files.isDirectory(root)).isInstanceOf(ClosedFileSystemException.class);
        assertThatThrownBy(() -> Files.list(root)).isInstanceOf(ClosedFileSystemException.class);
        // the key is free again
        try (FileSystem again = FileSystems.newFileSystem(uri, NioShare.env(server))) {
            assertThat(Files.isDirectory(again.getPath("/"))).isTrue();
        }
    }

    @Test
    void aWrongPasswordOrAMissingShareFailsTheOpenAndLeavesTheKeyFree(SambaServer server) throws Exception {
        URI uri = NioShare.uri(server, server.share());
        assertThatThrownBy(() -> FileSystems.newFileSystem(uri, Map.of("user", server.user(), "password", "wrong")))
                .isInstanceOf(IOException.class).hasMessageContaining(uri.getHost()).hasCauseInstanceOf(SmbStatusException.class);
        assertThatThrownBy(() -> FileSystems.newFileSystem(NioShare.uri(server, "nosuchshare"), NioShare.env(server)))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nosuchshare");
        try (FileSystem fs = FileSystems.newFileSystem(uri, NioShare.env(server))) {
            assertThat(fs.isOpen()).isTrue();
        }
    }

    @Test
    void pathOfUriRoundTripsWithPercentEncoding(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server)) {
            Path file = Files.writeString(share.dir.resolve("100% sure #1 été.txt"), "x");
            URI uri = file.toUri();
            assertThat(uri.getRawPath()).contains("100%25%20sure%20%231");
            Path back = Path.of(URI.create(uri.toASCIIString()));
            assertThat(back).isEqualTo(file);
            assertThat(Files.readString(back)).isEqualTo("x");
            assertThatThrownBy(() -> Path.of(URI.create(uri + "?q=1"))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> share.fs.getPath("/a:b")).isInstanceOf(InvalidPathException.class).hasMessageContaining("/a:b");
        }
    }

    @Test
    void dosAndSmbAttributes(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server)) {
            Path f = Files.write(share.dir.resolve("f.bin"), new byte[10_000]);
            Path link = share.dir.resolve("sub/../f.bin");
            Files.setAttribute(f, "dos:hidden", true);
            assertThat(Files.isHidden(f)).isTrue();
            DosFileAttributes dos = Files.readAttributes(f, DosFileAttributes.class);
            assertThat(dos.isHidden()).isTrue();
            assertThat(dos.isReadOnly()).isFalse();
            Files.getFileAttributeView(f, SmbFileAttributeView.class).setHidden(false);
            assertThat(Files.isHidden(f)).isFalse();

            SmbFileAttributes smb = Files.readAttributes(f, SmbFileAttributes.class);
            assertThat(smb.fileId()).isNotEqualTo(-1);
            assertThat(smb.fileKey()).isEqualTo(smb.fileId());
            assertThat(smb.allocationSize()).isGreaterThanOrEqualTo(0);
            Map<String, Object> all = Files.readAttributes(f, "smb:*");
            assertThat(all).containsKeys("fileId", "allocationSize", "changeTime", "attributes", "hidden", "size")
                    .containsEntry("size", 10_000L).containsEntry("fileId", smb.fileId());
            Path copy = Files.copy(f, share.dir.resolve("copy.bin"));
            assertThat(Files.readAttributes(copy, SmbFileAttributes.class).fileId()).isNotEqualTo(smb.fileId());
            assertThat(Files.isSameFile(f, link)).isTrue();
            assertThat(Files.isSameFile(f, copy)).isFalse();

            Files.setAttribute(f, "dos:readonly", true);
            assertThat(Files.readAttributes(f, DosFileAttributes.class).isReadOnly()).isTrue();
            assertThatThrownBy(() -> Files.writeString(f, "no")).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining(f.toString());
            Files.setAttribute(f, "dos:readonly", false);
            Files.writeString(f, "yes");
        }
    }

    @Test
    void aReadOnlyShareDeniesWritesWithAccessDeniedNamingThePath(SambaServer server) throws Exception {
        try (FileSystem ro = FileSystems.newFileSystem(NioShare.uri(server, server.readOnlyShare()), NioShare.env(server))) {
            Path hello = ro.getPath("/", SambaServer.READ_ONLY_FILE);
            assertThat(Files.readString(hello)).isEqualTo(SambaServer.READ_ONLY_FILE_CONTENT);
            ro.provider().checkAccess(hello, AccessMode.READ);
            assertThatThrownBy(() -> ro.provider().checkAccess(hello, AccessMode.WRITE))
                    .isInstanceOf(AccessDeniedException.class).hasMessageContaining("/hello.txt");
            assertThat(Files.isWritable(hello)).isFalse();
            assertThatThrownBy(() -> Files.writeString(hello, "x")).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("/hello.txt");
            assertThatThrownBy(() -> Files.createDirectory(ro.getPath("/newdir"))).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining("/newdir");
        }
    }

    @Test
    void channelsAfterCloseAndAfterTheFileSystemCloses(SambaServer server) throws Exception {
        NioShare share = NioShare.open(server);
        Path f = Files.writeString(share.dir.resolve("c.txt"), "abc");
        SeekableByteChannel ch = Files.newByteChannel(f);
        ch.close();
        assertThatThrownBy(() -> ch.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
        SeekableByteChannel open = Files.newByteChannel(f, StandardOpenOption.READ);
        InputStream in = Files.newInputStream(f);
        share.fs.close();
        assertThat(open.isOpen()).isFalse();
        assertThatThrownBy(() -> open.read(ByteBuffer.allocate(1))).isInstanceOf(ClosedChannelException.class);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
        open.close();
        in.close();
        // the server closed the handles with the tree: the directory can go now
        try (FileSystem again = FileSystems.newFileSystem(NioShare.uri(server, server.share()), NioShare.env(server))) {
            NioShare.deleteTree(again.getPath(share.dir.toString()));
        }
    }

    @Test
    void aFileDeletedWhileOpenKeepsItsNameUntilTheLastHandleCloses(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server)) {
            Path f = Files.writeString(share.dir.resolve("open.txt"), "abc");
            try (SeekableByteChannel ch = Files.newByteChannel(f)) {
                Files.delete(f);
                // SMB delete-on-close semantics (MS-FSCC 2.4.11): the name goes when the last handle closes
                assertThatThrownBy(() -> Files.delete(share.dir)).isInstanceOf(java.nio.file.DirectoryNotEmptyException.class);
                assertThat(ch.read(ByteBuffer.allocate(8))).isEqualTo(3);
            }
            assertThat(Files.exists(f)).isFalse();
        }
    }

    @Test
    void fileStoreReportsSpace(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server)) {
            FileStore store = Files.getFileStore(share.dir);
            assertThat(store.type()).isEqualTo("smb");
            assertThat(store.name()).isEqualTo(server.share());
            assertThat(store.getTotalSpace()).isPositive();
            assertThat(store.getUsableSpace()).isPositive().isLessThanOrEqualTo(store.getTotalSpace());
            assertThat(store.supportsFileAttributeView("dos")).isTrue();
            assertThatThrownBy(() -> Files.getFileStore(share.dir.resolve("none"))).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void aServerSideCopyOfSeveralMegabytesIsIdentical(SambaServer server) throws Exception {
        try (NioShare share = NioShare.open(server)) {
            byte[] data = new byte[5 * 1024 * 1024 + 123];
            new Random(7).nextBytes(data);
            Path src = Files.write(share.dir.resolve("big.bin"), data);
            Path dst = Files.copy(src, share.dir.resolve("big-copy.bin"));
            assertThat(sha256(Files.readAllBytes(dst))).isEqualTo(sha256(data));
            Files.copy(share.dir.resolve("big-copy.bin"), src, StandardCopyOption.REPLACE_EXISTING);
            assertThat(Files.size(src)).isEqualTo(data.length);
        }
    }

    @Test
    void commonsIoCopiesADirectoryTreeToTheShareAndBackIdentically(SambaServer server, @TempDir Path tmp) throws Exception {
        Path local = Files.createDirectories(tmp.resolve("src"));
        Random random = new Random(42);
        for (String dir : new String[] {"", "a", "a/b", "c"}) {
            Path d = Files.createDirectories(local.resolve(dir));
            for (int i = 0; i < 3; i++) {
                byte[] b = new byte[random.nextInt(300_000)];
                random.nextBytes(b);
                Files.write(d.resolve("file" + i + ".bin"), b);
            }
        }
        try (NioShare share = NioShare.open(server)) {
            Path remote = share.dir.resolve("tree");
            // PathUtils is Commons IO's Path twin of FileUtils.copyDirectory (FileUtils takes java.io.File, which has no smb://)
            PathUtils.copyDirectory(local, remote);
            Path back = tmp.resolve("back");
            PathUtils.copyDirectory(remote, back);
            assertThat(treeHashes(remote)).isEqualTo(treeHashes(local)).isEqualTo(treeHashes(back)).hasSize(12);
        }
    }

    /** Relative path (with /) to SHA-256 of every regular file below {@code root}. */
    private static Map<String, String> treeHashes(Path root) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (var s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
            }
        }
        return out;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
