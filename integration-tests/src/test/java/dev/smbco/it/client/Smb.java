package dev.smbco.it.client;

import dev.smbco.client.Credentials;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Dialect;
import dev.smbco.testserver.SambaServer;
import java.util.UUID;

/** A client, connection, session and tree on a test server, closed together. */
final class Smb implements AutoCloseable {
    final SmbClient client;
    final SmbConnection conn;
    final SmbSession session;
    final SmbTree tree;

    private Smb(SmbClient client, SmbConnection conn, SmbSession session, SmbTree tree) {
        this.client = client;
        this.conn = conn;
        this.session = session;
        this.tree = tree;
    }

    static Credentials user(SambaServer server) {
        return Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain());
    }

    static Smb open(SambaServer server, SmbConfig config, String share) {
        SmbClient client = SmbClient.create(config);
        try {
            SmbConnection conn = client.connect(server.host(), server.port());
            SmbSession session = conn.sessionSetup(user(server));
            SmbTree tree = session.treeConnect(share);
            return new Smb(client, conn, session, tree);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    static Smb open(SambaServer server, Dialect dialect) {
        return open(server, SmbConfig.builder().dialect(dialect).build(), server.share());
    }

    static Smb open(SambaServer server) {
        return open(server, SmbConfig.defaults(), server.share());
    }

    /** A fresh directory name for one test, so tests never see each other's files. */
    static String uniqueDir(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
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
