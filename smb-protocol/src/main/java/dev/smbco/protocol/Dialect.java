package dev.smbco.protocol;

/** MS-SMB2 2.2.3: the SMB2 dialect revisions this library speaks, oldest first. */
public enum Dialect {
    SMB2_02(0x0202, "2.0.2"),
    SMB2_10(0x0210, "2.1"),
    SMB3_00(0x0300, "3.0"),
    SMB3_02(0x0302, "3.0.2"),
    SMB3_11(0x0311, "3.1.1");

    /** The "SMB 2.???" wildcard revision a server answers to a multi-protocol SMB1 negotiate. */
    public static final int WILDCARD_REVISION = 0x02FF;

    private final int revision;
    private final String version;

    Dialect(int revision, String version) {
        this.revision = revision;
        this.version = version;
    }

    /** The 16-bit DialectRevision on the wire. */
    public int revision() {
        return revision;
    }

    /** The human version, e.g. {@code "3.1.1"}. */
    public String version() {
        return version;
    }

    /** True for the SMB 3.x family (AES signing, encryption, key derivation). */
    public boolean isSmb3() {
        return compareTo(SMB3_00) >= 0;
    }

    /**
     * The dialect for a wire revision.
     *
     * @throws SmbDecodeException if it is none of ours
     */
    public static Dialect fromRevision(int revision) {
        for (Dialect d : values()) {
            if (d.revision == revision) {
                return d;
            }
        }
        throw new SmbDecodeException("NEGOTIATE response", "DialectRevision", String.format("0x%04X is not a dialect we offer", revision));
    }

    /** Parses {@code SMB2_02 SMB2_10 SMB3_00 SMB3_02 SMB3_11} (as in Samba's smb.conf) or {@code 3.1.1}. */
    public static Dialect parse(String text) {
        for (Dialect d : values()) {
            if (d.name().equalsIgnoreCase(text) || d.version.equals(text)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown SMB dialect '" + text + "' (expected one of SMB2_02 SMB2_10 SMB3_00 SMB3_02 SMB3_11)");
    }
}
