package dev.smbco.protocol.dtyp;

import java.util.Optional;

/**
 * MS-DTYP 2.4.4.1 ACE_HEADER AceType values that carry just a mask and a SID (MS-DTYP 2.4.4.2
 * ACCESS_ALLOWED_ACE, 2.4.4.4 ACCESS_DENIED_ACE, 2.4.4.10 SYSTEM_AUDIT_ACE); other types are
 * kept as {@link RawAce}.
 */
public enum AceType {
    ACCESS_ALLOWED(0x00, "ALLOW"),
    ACCESS_DENIED(0x01, "DENY"),
    SYSTEM_AUDIT(0x02, "AUDIT");

    private final int value;
    private final String label;

    AceType(int value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The AceType byte. */
    public int value() {
        return value;
    }

    /** Short display label: ALLOW, DENY, AUDIT. */
    public String label() {
        return label;
    }

    public static Optional<AceType> fromValue(int value) {
        return switch (value) {
            case 0x00 -> Optional.of(ACCESS_ALLOWED);
            case 0x01 -> Optional.of(ACCESS_DENIED);
            case 0x02 -> Optional.of(SYSTEM_AUDIT);
            default -> Optional.empty();
        };
    }
}
