package dev.smbco.it.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirEntry;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** Shared helpers of the security tests: a client+connection+session, and a small file round trip. */
final class Sec implements AutoCloseable {
    final SmbClient client;
    final SmbConnection conn;
    final SmbSession session;

    private Sec(SmbClient client, SmbConnection conn, SmbSession session) {
        this.client = client;
        this.conn = conn;
        this.session = session;
    }

    static Credentials user(SambaServer server) {
        return Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain());
    }

    static Sec open(SambaServer server, SmbConfig config) {
        SmbClient client = SmbClient.create(config);
        try {
            SmbConnection conn = client.connect(server.host(), server.port());
            return new Sec(client, conn, conn.sessionSetup(user(server)));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Write, read back, list (the file is there), delete (it is gone): real traffic under the negotiated security. */
    static void writeReadListDelete(SmbTree tree) {
        String name = unique("sec") + ".txt";
        byte[] data = ("security round trip over " + tree).getBytes(StandardCharsets.UTF_8);
        try (SmbFile f = tree.open(name, OpenOptions.write())) {
            f.write(0, data);
            ByteBuf back = f.read(0, 4096);
            try {
                byte[] got = new byte[back.readableBytes()];
                back.readBytes(got);
                assertThat(got).isEqualTo(data);
            } finally {
                back.release();
            }
        }
        List<String> names = tree.list("").stream().map(DirEntry::name).toList();
        assertThat(names).contains(name);
        tree.delete(name);
        assertThat(tree.list("").stream().map(DirEntry::name).toList()).doesNotContain(name);
    }

    @Override
    public void close() {
        try {
            conn.close();
        } finally {
            client.close();
        }
    }
}
