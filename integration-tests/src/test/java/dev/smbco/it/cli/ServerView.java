package dev.smbco.it.cli;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirEntry;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.List;

/**
 * What the server itself holds, seen through a fresh connection of the library's own (not the
 * CLI run under test, nor a proxy in front of the server): a test's check of the server side.
 */
final class ServerView {
    private ServerView() {
    }

    /** The names in {@code dir} of the server's main share, sorted. */
    static List<String> names(SambaServer server, String dir) {
        try (SmbClient client = SmbClient.create(); SmbConnection conn = client.connect(server.host(), server.port())) {
            SmbTree tree = tree(conn, server);
            return tree.list(dir).stream().map(DirEntry::name).sorted().toList();
        }
    }

    /** The content of {@code path} on the server's main share. */
    static byte[] read(SambaServer server, String path) {
        try (SmbClient client = SmbClient.create(); SmbConnection conn = client.connect(server.host(), server.port())) {
            try (SmbFile f = tree(conn, server).open(path, OpenOptions.read())) {
                ByteBuf b = f.read(0, (int) f.size() + 1);
                try {
                    return ByteBufUtil.getBytes(b);
                } finally {
                    b.release();
                }
            }
        }
    }

    private static SmbTree tree(SmbConnection conn, SambaServer server) {
        return conn.sessionSetup(Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain()))
                .treeConnect(server.share());
    }
}
