package dev.smbco.client;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a connection has open, for a reconnection to bring back (MS-SMB2 3.2.4.4 reopen): its
 * sessions, trees and files. Each joins when it is made and leaves when the client closes it.
 */
final class Opens {
    private final Set<SmbSession> sessions = ConcurrentHashMap.newKeySet();
    private final Set<SmbTree> trees = ConcurrentHashMap.newKeySet();
    private final Set<SmbFile> files = ConcurrentHashMap.newKeySet();

    void add(SmbSession s) {
        sessions.add(s);
    }

    void remove(SmbSession s) {
        sessions.remove(s);
        trees.removeIf(t -> t.session() == s);
        files.removeIf(f -> f.tree().session() == s);
    }

    void add(SmbTree t) {
        trees.add(t);
    }

    void remove(SmbTree t) {
        trees.remove(t);
        files.removeIf(f -> f.tree() == t);
    }

    void add(SmbFile f) {
        files.add(f);
    }

    void remove(SmbFile f) {
        files.remove(f);
    }

    List<SmbSession> sessions() {
        return List.copyOf(sessions);
    }

    List<SmbTree> trees(SmbSession s) {
        return trees.stream().filter(t -> t.session() == s).toList();
    }

    List<SmbFile> files(SmbTree t) {
        return files.stream().filter(f -> f.tree() == t).toList();
    }
}
