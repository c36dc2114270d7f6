package dev.smbco.nio;

import dev.smbco.client.Credentials;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.RequestException;
import java.io.IOException;

/**
 * What one {@link SmbFileSystem} holds on the server: its own client (event loop), one connection,
 * one session and one tree, released together.
 */
final class Mount implements AutoCloseable {
    private final SmbClient client;
    private final SmbConnection connection;
    final SmbTree tree;

    private Mount(SmbClient client, SmbConnection connection, SmbTree tree) {
        this.client = client;
        this.connection = connection;
        this.tree = tree;
    }

    /** Connects, logs on and connects the share; a failure closes what was opened and names the URI. */
    static Mount open(FsKey key, Credentials credentials, SmbConfig config) throws IOException {
        SmbClient client = SmbClient.create(config);
        try {
            SmbConnection conn = client.connect(key.host(), key.port());
            SmbSession session = conn.sessionSetup(credentials);
            return new Mount(client, conn, session.treeConnect(key.share()));
        } catch (SmbException | RequestException e) {
            client.close();
            throw Errors.map(e, key.toString(), null);
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            tree.close();
            tree.session().close();
        } catch (SmbException | RequestException e) {
            // the connection may be gone already: closing it below is all that is left to do
        } finally {
            try {
                connection.close();
            } finally {
                client.close();
            }
        }
    }
}
