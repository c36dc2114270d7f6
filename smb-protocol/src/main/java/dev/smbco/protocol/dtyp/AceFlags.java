package dev.smbco.protocol.dtyp;

import java.util.StringJoiner;

/** MS-DTYP 2.4.4.1 ACE_HEADER AceFlags bits, with their SDDL abbreviations for display. */
public final class AceFlags {
    public static final int OBJECT_INHERIT_ACE = 0x01;
    public static final int CONTAINER_INHERIT_ACE = 0x02;
    public static final int NO_PROPAGATE_INHERIT_ACE = 0x04;
    public static final int INHERIT_ONLY_ACE = 0x08;
    public static final int INHERITED_ACE = 0x10;
    public static final int SUCCESSFUL_ACCESS_ACE_FLAG = 0x40;
    public static final int FAILED_ACCESS_ACE_FLAG = 0x80;

    private static final int[] BITS = {OBJECT_INHERIT_ACE, CONTAINER_INHERIT_ACE, NO_PROPAGATE_INHERIT_ACE,
            INHERIT_ONLY_ACE, INHERITED_ACE, SUCCESSFUL_ACCESS_ACE_FLAG, FAILED_ACCESS_ACE_FLAG};
    private static final String[] NAMES = {"OI", "CI", "NP", "IO", "ID", "SA", "FA"};

    private AceFlags() {
    }

    /** The flags as SDDL abbreviations joined by '|' (e.g. {@code "OI|CI"}); unknown bits in hex; 0 is "". */
    public static String toString(int flags) {
        StringJoiner j = new StringJoiner("|");
        int rest = flags & 0xFF;
        for (int i = 0; i < BITS.length; i++) {
            if ((flags & BITS[i]) != 0) {
                j.add(NAMES[i]);
                rest &= ~BITS[i];
            }
        }
        if (rest != 0) {
            j.add(String.format("0x%02X", rest));
        }
        return j.toString();
    }
}
