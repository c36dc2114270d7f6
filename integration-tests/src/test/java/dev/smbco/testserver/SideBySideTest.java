package dev.smbco.testserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Two variants run at once, on different ports, each behaving as its variant says. */
@ExtendWith(SambaExtension.class)
class SideBySideTest {

    @Test
    void defaultAndSmb311OnlyLocally(
            @UseSamba(variant = SambaVariant.DEFAULT, backend = SambaBackend.LOCAL) SambaServer any,
            @UseSamba(variant = SambaVariant.SMB311_ONLY, backend = SambaBackend.LOCAL) SambaServer only311) throws Exception {
        checkSideBySide(any, only311);
    }

    @Test
    void defaultAndSmb311OnlyInContainers(
            @UseSamba(variant = SambaVariant.DEFAULT, backend = SambaBackend.CONTAINER) SambaServer any,
            @UseSamba(variant = SambaVariant.SMB311_ONLY, backend = SambaBackend.CONTAINER) SambaServer only311) throws Exception {
        checkSideBySide(any, only311);
    }

    private static void checkSideBySide(SambaServer any, SambaServer only311) throws Exception {
        assertThat(any.port()).isNotEqualTo(only311.port());
        assertThat(any.variant()).isEqualTo(SambaVariant.DEFAULT);
        assertThat(only311.variant()).isEqualTo(SambaVariant.SMB311_ONLY);

        // both answer SMB 3.1.1
        assertThat(Smbclient.run(any, any.share(), "ls").output()).doesNotContain("NT_STATUS_");
        assertThat(Smbclient.run(only311, only311.share(), "ls").output()).doesNotContain("NT_STATUS_");

        // a client that stops at 3.0.2 gets in only with the default server
        Smbclient.Result atMost302OnDefault = Smbclient.run(any, any.share(), "ls", "-m", "SMB3_02");
        Smbclient.Result atMost302On311 = Smbclient.run(only311, only311.share(), "ls", "-m", "SMB3_02");
        assertThat(atMost302OnDefault.output()).doesNotContain("NT_STATUS_");
        assertThat(atMost302On311.output()).contains("protocol negotiation failed");
        assertThat(atMost302On311.exitCode()).isNotZero();
    }
}
