package dev.smbco.client.compound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Dialect;
import org.junit.jupiter.api.Test;

class CompoundingTest {

    @Test
    void smb202TurnsCompoundingOffAndLaterDialectsKeepIt() {
        for (Dialect d : Dialect.values()) {
            Compounding c = new Compounding(true, "test:445");
            c.negotiated(d);
            assertThat(c.enabled()).as("compounding after negotiating %s", d).isEqualTo(d != Dialect.SMB2_02);
        }
    }

    @Test
    void aConfigurationThatSaysOffStaysOff() {
        Compounding c = new Compounding(false, "test:445");
        c.negotiated(Dialect.SMB3_11);
        assertThat(c.enabled()).isFalse();
    }

    @Test
    void aRejectingServerTurnsItOffForGood() {
        Compounding c = new Compounding(true, "test:445");
        c.negotiated(Dialect.SMB3_11);
        c.rejectedBy("CREATE+CLOSE x", 0xC000000D);
        assertThat(c.enabled()).isFalse();
    }
}
