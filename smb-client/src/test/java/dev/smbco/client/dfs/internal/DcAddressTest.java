package dev.smbco.client.dfs.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DcAddressTest {
    @Test
    void hostHostPortAndBracketedV6() {
        assertThat(DcAddress.parse("dc1.corp.example")).isEqualTo(new DcAddress("dc1.corp.example", 445));
        assertThat(DcAddress.parse("dc1:1445")).isEqualTo(new DcAddress("dc1", 1445));
        assertThat(DcAddress.parse("[::1]:1445")).isEqualTo(new DcAddress("::1", 1445));
        assertThat(DcAddress.parse("[::1]")).isEqualTo(new DcAddress("::1", 445));
        assertThat(DcAddress.parse("::1")).isEqualTo(new DcAddress("::1", 445)); // a bare v6 address has no port
        assertThat(DcAddress.parse("[::1]:1445")).hasToString("[::1]:1445");
        assertThat(DcAddress.parse("dc1")).hasToString("dc1");
    }

    @Test
    void badPortsAndBracketsAreRefusedWithTheName() {
        for (String bad : new String[] {"dc1:0", "dc1:65536", "dc1:x", "dc1:", "[::1", "[::1]x", ":445"}) {
            assertThatThrownBy(() -> DcAddress.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
    }
}
