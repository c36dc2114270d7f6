package dev.smbco.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.Dialect;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmbConfigTest {
    @Test
    void defaults() {
        SmbConfig c = SmbConfig.defaults();
        assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.compositeTimeout()).as("no overall deadline unless asked for").isZero();
        assertThat(c.echoTimeout()).isLessThan(c.requestTimeout());
        assertThat(c.minDialect()).isEqualTo(Dialect.SMB2_02);
        assertThat(c.maxDialect()).isEqualTo(Dialect.SMB3_11);
        assertThat(c.maxIoSize()).isEqualTo(8 << 20);
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void aCreditTargetBelowOneMaximalReadIsFineReadsShrinkToIt() {
        assertThat(SmbConfig.builder().creditTarget(64).build().creditTarget()).isEqualTo(64);
    }

    @Test
    void inconsistentSettingsAreRefusedWithAReason() {
        assertThatThrownBy(() -> SmbConfig.builder().minDialect(Dialect.SMB3_11).maxDialect(Dialect.SMB2_10).build())
                .hasMessageContaining("minDialect");
        assertThatThrownBy(() -> SmbConfig.builder().creditTarget(0).build()).hasMessageContaining("creditTarget");
        assertThatThrownBy(() -> SmbConfig.builder().compositeTimeout(Duration.ofSeconds(-1)).build())
                .hasMessageContaining("compositeTimeout");
        assertThatThrownBy(() -> SmbConfig.builder().dialect(Dialect.SMB2_10).encryption(SmbConfig.Policy.REQUIRED).build())
                .hasMessageContaining("encryption REQUIRED needs SMB 3.x");
        assertThatThrownBy(() -> SmbConfig.builder().memoryBudget(1000).build()).hasMessageContaining("memoryBudget");
    }
}
