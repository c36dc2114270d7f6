package dev.smbco.client.dfs.internal;

import dev.smbco.coro.Loop;
import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most one running request per key, shared by everyone who asks for the key while it runs (the
 * referral requests of {@link DfsResolver} and {@link DomainResolver}: many cache misses at the
 * same moment send one FSCTL_DFS_GET_REFERRALS, not one each).
 *
 * <p>{@link #join} hands each caller a request of its own that ends as the shared one ends: with
 * its value, or failed with the very exception it failed with. A caller that cancels or times out
 * ends only its own wait; the shared request goes on for the others (and, for a referral, still
 * fills the cache). A shared request that has ended is no longer joined: the next caller for the
 * key starts a new one, so a failure is never handed to a later miss.
 *
 * <p>Threads: the resolvers run on coroutine bodies (virtual threads), so the map is a
 * {@link ConcurrentHashMap} and {@link #join} may be called from any thread. Each caller's request
 * is {@link Requests#follow}'s: a cancel racing the shared outcome ends it once, whichever comes first.
 *
 * @param <K> the key (what is asked of whom)
 * @param <V> the shared request's value
 */
final class InFlight<K, V> {
    /**
     * A caller's request; whether this call started the shared one (the caller is its leader); and
     * what the shared one was started for (the leader's {@code asked}).
     */
    record Joined<V>(Request<V> request, boolean started, String asked) {
    }

    private record Flight<V>(Request<V> request, String asked) {
    }

    private final Loop loop;
    private final ConcurrentHashMap<K, Flight<V>> running = new ConcurrentHashMap<>();

    InFlight(Loop loop) {
        this.loop = loop;
    }

    /**
     * A request that ends as the running request for {@code key} ends, starting one with
     * {@code start} when none runs. {@code start} must not run the work inline (a coroutine's
     * {@code start} never does): it is called while the key's map entry is being computed.
     *
     * @param asked what {@code start} asks for, for the callers who join it (a key may cover several)
     */
    Joined<V> join(K key, String asked, Supplier<Request<V>> start) {
        boolean[] started = {false};
        Flight<V> flight = running.compute(key, (k, f) -> {
            if (f != null && !f.request().isDone()) {
                return f;
            }
            started[0] = true;
            return new Flight<>(start.get(), asked);
        });
        Request<V> shared = flight.request();
        if (started[0]) {
            shared.onDone(r -> running.remove(key, flight));
        }
        return new Joined<>(Requests.follow(loop, shared), started[0], flight.asked());
    }

    /** How many shared requests are running now (for tests and diagnostics). */
    int running() {
        return running.size();
    }
}
