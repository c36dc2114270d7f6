package dev.smbco.client.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MS-SMB2 3.2.1.2 Connection.OutstandingRequests: message id → exchange on the wire. An exchange
 * that went async keeps its entry (keyed by its message id; the async id is recorded on it) so
 * the final response, which carries the same message id, finds it. Confined to the event loop.
 */
final class PendingTable {
    private final Map<Long, Exchange> byMessageId = new HashMap<>();

    void put(Exchange x) {
        if (byMessageId.putIfAbsent(x.messageId, x) != null) {
            throw new IllegalStateException("message id " + x.messageId + " is already pending");
        }
    }

    Exchange get(long messageId) {
        return byMessageId.get(messageId);
    }

    void remove(Exchange x) {
        byMessageId.remove(x.messageId, x);
    }

    int size() {
        return byMessageId.size();
    }

    /** Copy and clear: the caller completes the returned exchanges after the table is already empty. */
    List<Exchange> removeAll() {
        List<Exchange> all = new ArrayList<>(byMessageId.values());
        byMessageId.clear();
        all.sort((a, b) -> Long.compare(a.messageId, b.messageId));
        return all;
    }
}
