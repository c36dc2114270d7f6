package dev.smbco.client.dfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.SmbConfig;
import org.junit.jupiter.api.Test;

class DfsPolicyTest {
    private static final DfsTarget FS2 = new DfsTarget("fs2.corp.example", "data", "");

    @Test
    void followsByDefaultAndCanBeTurnedOff() {
        assertThat(SmbConfig.defaults().dfs().enabled()).isTrue();
        assertThat(SmbConfig.defaults().dfs().maxHops()).isEqualTo(DfsPolicy.DEFAULT_MAX_HOPS);
        assertThat(SmbConfig.builder().dfs(DfsPolicy.off()).build().dfs().enabled()).isFalse();
        assertThat(SmbConfig.defaults().toBuilder().dfs(DfsPolicy.off()).build().toBuilder().build().dfs().enabled()).isFalse();
    }

    @Test
    void aFilterAndAHopLimitKeepTheRest() {
        DfsPolicy p = DfsPolicy.on().allowing(t -> t.host().endsWith(".corp.example")).withMaxHops(3);
        assertThat(p.enabled()).isTrue();
        assertThat(p.maxHops()).isEqualTo(3);
        assertThat(p.allowTarget().test(FS2)).isTrue();
        assertThat(p.allowTarget().test(new DfsTarget("elsewhere.example", "data", ""))).isFalse();
        assertThat(FS2.unc()).isEqualTo("\\\\fs2.corp.example\\data");
        assertThat(new DfsTarget("fs2", "data", "a\\b").unc()).isEqualTo("\\\\fs2\\data\\a\\b");
    }

    @Test
    void refusesAHopLimitOutsideOneTo64() {
        assertThatThrownBy(() -> DfsPolicy.on().withMaxHops(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DfsPolicy.on().withMaxHops(65)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DfsPolicy.on().allowing(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void domainControllersAreNoneByDefaultAndKeptByTheOtherSettings() {
        assertThat(DfsPolicy.on().domainControllers()).isEmpty();
        DfsPolicy p = DfsPolicy.on().withDomainControllers("dc1.corp.example", "10.0.0.2:1445").withMaxHops(3).allowing(t -> true);
        assertThat(p.domainControllers()).containsExactly("dc1.corp.example", "10.0.0.2:1445");
        assertThat(p.withDomainControllers().domainControllers()).isEmpty();
        assertThat(SmbConfig.builder().dfs(p).build().dfs().domainControllers()).containsExactly("dc1.corp.example", "10.0.0.2:1445");
    }

    @Test
    void refusesADomainControllerThatIsNoHost() {
        for (String bad : new String[] {"", " ", "\\\\dc1", "dc1/x", "dc1:0", "dc1:port", "[::1"}) {
            assertThatThrownBy(() -> DfsPolicy.on().withDomainControllers(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> DfsPolicy.on().withDomainControllers((String) null)).isInstanceOf(NullPointerException.class);
    }
}
