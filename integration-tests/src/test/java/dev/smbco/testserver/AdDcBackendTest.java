package dev.smbco.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@code SMBCO_AD_DC}: the backend it names, local then container when unset, a typed error for anything else. */
class AdDcBackendTest {

    @Test
    void unsetOrEmptyTriesLocalThenTheContainer() {
        assertThat(AdDcBackend.candidates(null)).containsExactly(AdDcBackend.LOCAL, AdDcBackend.CONTAINER);
        assertThat(AdDcBackend.candidates(" ")).containsExactly(AdDcBackend.LOCAL, AdDcBackend.CONTAINER);
    }

    @Test
    void aNamedBackendIsTheOnlyOneTried() {
        assertThat(AdDcBackend.candidates("container")).containsExactly(AdDcBackend.CONTAINER);
        assertThat(AdDcBackend.candidates(" LOCAL ")).containsExactly(AdDcBackend.LOCAL);
    }

    @Test
    void anythingElseIsRefusedNamingTheSwitch() {
        assertThatThrownBy(() -> AdDcBackend.candidates("docker"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SMBCO_AD_DC='docker'");
    }
}
