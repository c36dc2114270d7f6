package dev.smbco.client;

import dev.smbco.client.engine.MessageSecurity;
import dev.smbco.client.internal.Route;
import dev.smbco.client.resilience.internal.SendGate;
import dev.smbco.protocol.smb2.FileId;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which session, tree and file a route or FileId of a lost connection belonged to, so that a
 * request built for it goes to what a reconnection re-established: at each drop every current
 * session route (by its keys, or its id for a session without keys), tree id and FileId is
 * recorded; later lookups give the owner's route and handle of the moment. Loop-confined.
 */
final class Rebinding implements SendGate.Retarget {
    private final Opens opens;
    private final Map<MessageSecurity, SmbSession> bySecurity = new IdentityHashMap<>();
    private final Map<Long, SmbSession> keyless = new HashMap<>();
    private final Map<SmbSession, Map<Integer, SmbTree>> trees = new IdentityHashMap<>();
    private final Map<FileId, SmbFile> files = new HashMap<>();

    Rebinding(Opens opens) {
        this.opens = opens;
    }

    @Override
    public void retire() {
        for (SmbSession s : opens.sessions()) {
            Route r = s.route();
            if (r.security() != null) {
                bySecurity.put(r.security(), s);
            } else {
                keyless.put(r.sessionId(), s);
            }
            Map<Integer, SmbTree> byId = trees.computeIfAbsent(s, k -> new HashMap<>());
            for (SmbTree t : opens.trees(s)) {
                byId.put(t.route().treeId(), t);
                for (SmbFile f : opens.files(t)) {
                    files.put(f.fileId(), f);
                }
            }
        }
    }

    private SmbSession owner(Route r) {
        if (r.security() != null) {
            return bySecurity.get(r.security());
        }
        return r.sessionId() == 0 ? null : keyless.get(r.sessionId());
    }

    @Override
    public boolean stale(Route route) {
        SmbSession s = owner(route);
        return s != null && (route.security() != null || s.route().sessionId() != route.sessionId() || !s.isOpen());
    }

    @Override
    public Route route(Route stale) {
        SmbSession s = owner(stale);
        if (s == null) {
            return stale;
        }
        Route now = s.route();
        if (stale.treeId() != 0) {
            SmbTree t = trees.getOrDefault(s, Map.of()).get(stale.treeId());
            if (t != null) {
                now = t.route();
            }
        }
        return new Route(now.sessionId(), now.treeId(), now.security(), now.sign() || (stale.sign() && now.security() != null), now.encrypt());
    }

    @Override
    public FileId fileId(FileId stale) {
        SmbFile f = files.get(stale);
        if (f == null) {
            return null;
        }
        SmbHandleLostException lost = f.lostCause();
        if (lost != null) {
            throw new SmbHandleLostException(f.unc() + ": " + lost.reason(), lost);
        }
        return f.fileId();
    }

    /** A session of the lost connection whose id the new one reuses: its old id is no longer a sign of staleness. */
    void reused(long sessionId) {
        keyless.remove(sessionId);
    }
}
