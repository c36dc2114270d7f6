package dev.smbco.it.ops;

import dev.smbco.client.Credentials;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.testserver.SambaServer;
import java.util.UUID;

/** A client, connection, session and tree for the operation tests, closed together. */
final class Ops implements AutoCloseable {
    final SmbClient client;
    final SmbConnection conn;
    final SmbSession session;
    final SmbTree tree;

    private Ops(SmbClient client, SmbConnection conn, SmbSession session, SmbTree tree) {
        this.client = client;
        this.conn = conn;
        this.session = session;
        this.tree = tree;
    }

    static Ops open(SambaServer server) {
        return open(server, SmbConfig.defaults());
    }

    static Ops open(SambaServer server, SmbConfig config) {
        SmbClient client = SmbClient.create(config);
        try {
            SmbConnection conn = client.connect(server.host(), server.port());
            SmbSession session = conn.sessionSetup(Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain()));
            return new Ops(client, conn, session, session.treeConnect(server.share()));
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    static String unique(String prefix) {
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
