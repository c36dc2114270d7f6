package dev.smbco.client.dfs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.dfs.DfsTarget;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** MS-DFSC 3.1.1 ReferralCache: longest prefix, TimeToLive, the target that worked first. Time is a fake clock. */
class ReferralCacheTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(-5 * SECOND); // nanoTime may be negative: compare by difference
    private final ReferralCache cache = new ReferralCache(now::get);
    private static final DfsTarget A = new DfsTarget("a", "s", "");
    private static final DfsTarget B = new DfsTarget("b", "s", "");

    @Test
    void theLongestUnexpiredPrefixAtAComponentBoundaryServes() {
        DfsReferral root = new DfsReferral("\\fs\\root", List.of(A), 600);
        DfsReferral link = new DfsReferral("\\fs\\root\\link", List.of(B), 300);
        cache.put(root);
        cache.put(link);
        assertThat(cache.lookup("\\FS\\Root\\Link\\x\\y.txt")).isEqualTo(link);
        assertThat(cache.lookup("\\fs\\root\\link")).isEqualTo(link);
        assertThat(cache.lookup("\\fs\\root\\linkother\\x")).isEqualTo(root);
        assertThat(cache.lookup("\\fs\\other\\x")).isNull();
    }

    @Test
    void anEntryExpiresAfterItsTimeToLive() {
        cache.put(new DfsReferral("\\fs\\root\\link", List.of(A), 300));
        now.addAndGet(299 * SECOND);
        assertThat(cache.lookup("\\fs\\root\\link\\x")).isNotNull();
        now.addAndGet(SECOND);
        assertThat(cache.lookup("\\fs\\root\\link\\x")).isNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aReferralWithoutTimeToLiveIsNotKept() {
        cache.put(new DfsReferral("\\fs\\root\\link", List.of(A), 0));
        assertThat(cache.lookup("\\fs\\root\\link\\x")).isNull();
    }

    @Test
    void theTargetThatWorkedMovesToTheFront() {
        cache.put(new DfsReferral("\\fs\\root\\two", List.of(A, B), 300));
        cache.prefer("\\FS\\root\\two", B);
        assertThat(cache.lookup("\\fs\\root\\two\\x").targets()).containsExactly(B, A);
    }

    @Test
    void isBounded() {
        for (int i = 0; i < ReferralCache.MAX_ENTRIES + 10; i++) {
            cache.put(new DfsReferral("\\fs\\root\\l" + i, List.of(A), 300 + i));
        }
        assertThat(cache.size()).isEqualTo(ReferralCache.MAX_ENTRIES);
        assertThat(cache.lookup("\\fs\\root\\l0\\x")).as("the soonest to expire went first").isNull();
    }
}
