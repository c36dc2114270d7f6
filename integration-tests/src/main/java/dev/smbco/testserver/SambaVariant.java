package dev.smbco.testserver;

import dev.smbco.protocol.Dialect;

import java.util.Map;

/**
 * A configuration of the Samba test server: the dialect range it negotiates and whether it
 * requires signing. Each variant is a set of {@code SMBCO_*} environment settings that
 * {@code docker/samba-setup.sh} turns into {@code smb.conf} (container and local smbd alike).
 */
public enum SambaVariant {
    /** SMB2_02 to SMB3_11, signing enabled but not required. */
    DEFAULT("default", Dialect.SMB2_02, Dialect.SMB3_11, false),
    /** Like {@link #DEFAULT} but the server requires signing ({@code server signing = mandatory}). */
    SIGNING_REQUIRED("signing-required", Dialect.SMB2_02, Dialect.SMB3_11, true),
    /** Only SMB 3.1.1 (preauth integrity, negotiate contexts). */
    SMB311_ONLY("smb311-only", Dialect.SMB3_11, Dialect.SMB3_11, false),
    /** At most SMB 2.0.2. */
    MAX_SMB2_02("max-smb2_02", Dialect.SMB2_02, Dialect.SMB2_02, false),
    /** At most SMB 2.1. */
    MAX_SMB2_10("max-smb2_10", Dialect.SMB2_02, Dialect.SMB2_10, false),
    /** At most SMB 3.0. */
    MAX_SMB3_00("max-smb3_00", Dialect.SMB2_02, Dialect.SMB3_00, false),
    /** At most SMB 3.0.2. */
    MAX_SMB3_02("max-smb3_02", Dialect.SMB2_02, Dialect.SMB3_02, false),
    /**
     * All dialects, but small I/O limits: {@code smb2 max read = smb2 max write = smb2 max trans =
     * 65536}, as small NAS firmware has ({@code SMBCO_VARIANT=small-io} sets them).
     */
    SMALL_IO("small-io", Dialect.SMB2_02, Dialect.SMB3_11, false);

    private final String id;
    private final Dialect minDialect;
    private final Dialect maxDialect;
    private final boolean signingRequired;

    SambaVariant(String id, Dialect minDialect, Dialect maxDialect, boolean signingRequired) {
        this.id = id;
        this.minDialect = minDialect;
        this.maxDialect = maxDialect;
        this.signingRequired = signingRequired;
    }

    /** The name samba-setup.sh knows it by ({@code SMBCO_VARIANT}), e.g. {@code smb311-only}. */
    public String id() {
        return id;
    }

    public Dialect minDialect() {
        return minDialect;
    }

    public Dialect maxDialect() {
        return maxDialect;
    }

    public boolean signingRequired() {
        return signingRequired;
    }

    /** Whether a server of this variant negotiates {@code dialect} when a client offers it. */
    public boolean accepts(Dialect dialect) {
        return dialect.compareTo(minDialect) >= 0 && dialect.compareTo(maxDialect) <= 0;
    }

    /** The environment that selects this variant in samba-setup.sh. */
    public Map<String, String> env() {
        return Map.of(
                "SMBCO_VARIANT", id,
                "SMBCO_SIGNING", signingRequired ? "required" : "auto",
                "SMBCO_MIN_PROTOCOL", minDialect.name(),
                "SMBCO_MAX_PROTOCOL", maxDialect.name());
    }

    /** The variant named {@code text}: its {@link #id()} or its constant name. */
    public static SambaVariant parse(String text) {
        for (SambaVariant v : values()) {
            if (v.id.equalsIgnoreCase(text) || v.name().equalsIgnoreCase(text)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown Samba variant '" + text + "'");
    }
}
