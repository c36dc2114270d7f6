package dev.smbco.client.pool;

import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Request;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The goodbye {@link SmbPool#close(Duration)} says before it drops its connections: a
 * TREE_DISCONNECT for every tree, then a LOGOFF for every session, each step sent to all servers
 * at once and waited for at most {@code step}. Failures and silence are ignored: the connection may
 * be gone already, and there is nothing more to be polite to.
 */
final class PoliteClose {
    private PoliteClose() {
    }

    /** Disconnects {@code trees}, then logs {@code sessions} off; blocks, at most twice {@code step}. */
    static void run(List<SmbTree> trees, List<SmbSession> sessions, Duration step) {
        List<Request<?>> disconnects = new ArrayList<>();
        for (SmbTree t : trees) {
            disconnects.add(t.disconnectSend().withTimeout(step));
        }
        awaitQuietly(disconnects);
        List<Request<?>> logoffs = new ArrayList<>();
        for (SmbSession s : sessions) {
            logoffs.add(s.logoffSend().withTimeout(step));
        }
        awaitQuietly(logoffs);
    }

    private static void awaitQuietly(List<Request<?>> requests) {
        for (Request<?> r : requests) {
            try {
                r.await();
            } catch (RuntimeException ignored) {
                // no answer in time, or the connection is gone
            }
        }
    }
}
