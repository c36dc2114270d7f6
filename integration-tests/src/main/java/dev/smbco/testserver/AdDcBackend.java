package dev.smbco.testserver;

import java.util.List;
import java.util.Locale;

/**
 * Where {@link AdDc} runs the domain controller: both are {@code docker/ad-dc-setup.sh}, the same
 * provisioning on the host's network, on the DC's own loopback address.
 */
public enum AdDcBackend {
    /** {@code samba} on this machine ({@code ad-dc-setup.sh local start DIR}): needs root, samba, winbind, libnss-wrapper. */
    LOCAL("local"),
    /**
     * A container of the test image ({@code ad-dc-setup.sh container start DIR}, podman with the
     * host's network): needs root, podman and the image scripts/test-env.sh builds.
     */
    CONTAINER("container");

    /** The environment switch: {@code SMBCO_AD_DC=local|container}. */
    public static final String SWITCH = "SMBCO_AD_DC";

    private final String mode;

    AdDcBackend(String mode) {
        this.mode = mode;
    }

    /** The script's first argument. */
    String mode() {
        return mode;
    }

    /**
     * The backends to try, in order, for {@code SMBCO_AD_DC}'s value: the one it names, or, unset or
     * empty, local first (what CI has run longest) and the container when this machine cannot run a
     * local DC.
     *
     * @throws IllegalArgumentException for any other value
     */
    static List<AdDcBackend> candidates(String setting) {
        if (setting == null || setting.isBlank()) {
            return List.of(LOCAL, CONTAINER);
        }
        for (AdDcBackend b : values()) {
            if (b.mode.equals(setting.strip().toLowerCase(Locale.ROOT))) {
                return List.of(b);
            }
        }
        throw new IllegalArgumentException(SWITCH + "='" + setting + "' is neither local nor container");
    }
}
