package dev.smbco.client.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Remembers the nonces of a session's most recent encrypted responses (MS-SMB2 3.1.4.3: a
 * nonce must never be used twice with one key), so that a replayed or nonce-reusing frame is a
 * protocol error rather than accepted. Bounded: the last {@value #WINDOW} nonces. Used on the
 * connection's event loop only.
 */
public final class NonceGuard {
    static final int WINDOW = 8192;

    private final Set<Key> seen = new HashSet<>();
    private final ArrayDeque<Key> order = new ArrayDeque<>();

    /** Records {@code nonce}; false if it was seen within the window (a reuse). */
    public boolean firstUse(byte[] nonce) {
        Key k = new Key(nonce.clone());
        if (!seen.add(k)) {
            return false;
        }
        order.addLast(k);
        if (order.size() > WINDOW) {
            seen.remove(order.removeFirst());
        }
        return true;
    }

    private record Key(byte[] bytes) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }
    }
}
