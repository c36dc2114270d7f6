package dev.smbco.testserver;

import dev.smbco.protocol.Dialect;

import java.util.Map;

/**
 * A configuration of the Samba test server: the dialect range it negotiates, whether it
 * requires signing and how many credits it lets a client hold ({@code smb2 max credits}). Each variant is a set of {@code SMBCO_*} environment settings that
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
    /** Like {@link #DEFAULT} but a frugal server: {@code smb2 max credits = 16} (one 1 MiB READ's worth). */
    CREDITS_16("credits-16", Dialect.SMB2_02, Dialect.SMB3_11, false, 16),
    /** {@code smb2 max credits = 64}, as appliances and NAS firmware often configure. */
    CREDITS_64("credits-64", Dialect.SMB2_02, Dialect.SMB3_11, false, 64),
    /** {@code smb2 max credits = 128}: exactly one 8 MiB READ's charge. */
    CREDITS_128("credits-128", Dialect.SMB2_02, Dialect.SMB3_11, false, 128),
    /**
     * All dialects, but small I/O limits: {@code smb2 max read = smb2 max write = smb2 max trans =
     * 65536}, as small NAS firmware has ({@code SMBCO_VARIANT=small-io} sets them).
     */
    SMALL_IO("small-io", Dialect.SMB2_02, Dialect.SMB3_11, false);

    /** Samba's own default of {@code smb2 max credits}. */
    public static final int SAMBA_DEFAULT_MAX_CREDITS = 8192;

    private final String id;
    private final Dialect minDialect;
    private final Dialect maxDialect;
    private final boolean signingRequired;
    private final int maxCredits;

    SambaVariant(String id, Dialect minDialect, Dialect maxDialect, boolean signingRequired) {
        this(id, minDialect, maxDialect, signingRequired, SAMBA_DEFAULT_MAX_CREDITS);
    }

    SambaVariant(String id, Dialect minDialect, Dialect maxDialect, boolean signingRequired, int maxCredits) {
        this.id = id;
        this.minDialect = minDialect;
        this.maxDialect = maxDialect;
        this.signingRequired = signingRequired;
        this.maxCredits = maxCredits;
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

    /** {@code smb2 max credits}: how many credits the server lets one connection hold. */
    public int maxCredits() {
        return maxCredits;
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
                "SMBCO_MAX_PROTOCOL", maxDialect.name(),
                "SMBCO_MAX_CREDITS", String.valueOf(maxCredits));
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
