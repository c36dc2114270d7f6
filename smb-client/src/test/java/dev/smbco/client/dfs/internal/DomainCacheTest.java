package dev.smbco.client.dfs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.dfs.internal.DomainReferrals.NameList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** MS-DFSC 3.1.1 DomainCache: domain names and DC lists, each for the TimeToLive the DC gave. Time is a fake clock. */
class DomainCacheTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong(-7 * SECOND); // nanoTime may be negative: compared by difference
    private final DomainCache cache = new DomainCache(now::get);

    @Test
    void theDomainListIsAskedForUntilOneArrivesAndKeptForItsShortestTtl() {
        assertThat(cache.domainsFresh()).isFalse();
        assertThat(cache.isDomain("SMBCO")).isFalse();
        cache.putDomains(List.of(new NameList("SMBCO", List.of(), 600), new NameList("smbco.test", List.of(), 300)));
        assertThat(cache.domainsFresh()).isTrue();
        assertThat(cache.isDomain("smbco")).isTrue();
        assertThat(cache.isDomain("SMBCO.TEST")).isTrue();
        assertThat(cache.isDomain("fs1")).isFalse();
        now.addAndGet(300 * SECOND);
        assertThat(cache.domainsFresh()).isFalse(); // ask again: the shortest-lived name expired
        assertThat(cache.isDomain("smbco.test")).isFalse();
        assertThat(cache.isDomain("SMBCO")).isTrue();
    }

    @Test
    void aNewDomainListReplacesTheOld() {
        cache.putDomains(List.of(new NameList("OLD", List.of(), 600)));
        cache.putDomains(List.of(new NameList("NEW", List.of(), 600)));
        assertThat(cache.isDomain("OLD")).isFalse();
        assertThat(cache.isDomain("new")).isTrue();
        assertThat(cache.domainNames()).containsExactly("new");
    }

    @Test
    void aDcListIsKeptForItsTtlAndOneWithoutTtlNotAtAll() {
        cache.putDcs("SMBCO.TEST", new NameList("SMBCO.TEST", List.of("dc1.smbco.test", "dc2.smbco.test"), 60));
        cache.putDcs("SMBCO", new NameList("SMBCO", List.of("DC1"), 0));
        assertThat(cache.dcs("smbco.test")).containsExactly("dc1.smbco.test", "dc2.smbco.test");
        assertThat(cache.dcs("SMBCO")).isNull();
        now.addAndGet(59 * SECOND);
        assertThat(cache.dcs("SMBCO.TEST")).isNotNull();
        now.addAndGet(SECOND);
        assertThat(cache.dcs("SMBCO.TEST")).isNull();
    }

    @Test
    void aDomainReferralNoDcAnsweredIsNotAskedAgainForAWhile() {
        cache.putDomains(List.of(new NameList("SMBCO", List.of(), 600)));
        cache.domainsUnknown(30);
        assertThat(cache.domainsFresh()).isTrue();
        assertThat(cache.isDomain("SMBCO")).isFalse();
        now.addAndGet(30 * SECOND);
        assertThat(cache.domainsFresh()).isFalse();
    }
}
