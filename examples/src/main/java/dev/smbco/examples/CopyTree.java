package dev.smbco.examples;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a local directory tree to a share, one coroutine per file, all in flight at once:
 * <pre>
 * java dev.smbco.examples.CopyTree LOCAL_DIR smb://host[:port]/share/target/dir USER PASSWORD
 * </pre>
 * Each coroutine reads top to bottom (open, upload, close) while the client keeps many
 * transfers on the wire; the directories are made first, in order.
 */
public final class CopyTree {
    private CopyTree() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: CopyTree LOCAL_DIR smb://host[:port]/share/dir USER PASSWORD");
            System.exit(2);
        }
        long bytes = copy(Path.of(args[0]), URI.create(args[1]), args[2], args[3]);
        System.out.println("copied " + bytes + " bytes");
    }

    /** Copies {@code source} (a local directory) to {@code target} (smb://host:port/share/dir); returns the bytes copied. */
    public static long copy(Path source, URI target, String user, String password) throws IOException {
        String[] shareAndDir = target.getPath().substring(1).split("/", 2);
        String share = shareAndDir[0];
        String dir = shareAndDir.length > 1 ? shareAndDir[1] : "";
        int port = target.getPort() < 0 ? 445 : target.getPort();

        List<Path> dirs;
        List<Path> files;
        try (Stream<Path> all = Files.walk(source)) {
            List<Path> paths = all.toList();
            dirs = paths.stream().filter(Files::isDirectory).toList();
            files = paths.stream().filter(Files::isRegularFile).toList();
        }

        try (SmbClient client = SmbClient.create()) {
            SmbTree tree = client.connect(target.getHost(), port)
                    .sessionSetup(Credentials.ntlm(user, password.toCharArray(), "WORKGROUP"))
                    .treeConnect(share);
            for (Path d : dirs) {                                   // parents before children
                tree.mkdirs(remote(dir, source.relativize(d)));
            }
            List<Request<Long>> copies = new ArrayList<>();
            for (Path f : files) {
                String to = remote(dir, source.relativize(f));
                copies.add(Coroutine.start(client.loop(), co -> {
                    try (SmbFile file = co.await(tree.openSend(to, OpenOptions.write()))) {
                        return co.await(file.uploadSend(f));
                    }
                }));
            }
            return Requests.all(client.loop(), copies).await().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** {@code dir/relative} with forward slashes ("" stays the share's root). */
    private static String remote(String dir, Path relative) {
        String rel = relative.toString().replace('\\', '/');
        return dir.isEmpty() ? rel : rel.isEmpty() ? dir : dir + "/" + rel;
    }
}
