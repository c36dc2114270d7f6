package dev.smbco.protocol.dtyp;

/**
 * SECURITY_INFORMATION bits (MS-DTYP 2.4.7, used as AdditionalInformation in MS-SMB2 2.2.37
 * QUERY_INFO and 2.2.39 SET_INFO): which parts of a security descriptor to read or write.
 */
public final class SecurityInformation {
    public static final int OWNER_SECURITY_INFORMATION = 0x0000_0001;
    public static final int GROUP_SECURITY_INFORMATION = 0x0000_0002;
    public static final int DACL_SECURITY_INFORMATION = 0x0000_0004;
    public static final int SACL_SECURITY_INFORMATION = 0x0000_0008;
    public static final int LABEL_SECURITY_INFORMATION = 0x0000_0010;
    public static final int ATTRIBUTE_SECURITY_INFORMATION = 0x0000_0020;
    public static final int SCOPE_SECURITY_INFORMATION = 0x0000_0040;
    public static final int BACKUP_SECURITY_INFORMATION = 0x0001_0000;
    /** Owner, group and DACL: what a client usually reads (needs READ_CONTROL). */
    public static final int OWNER_GROUP_DACL = OWNER_SECURITY_INFORMATION | GROUP_SECURITY_INFORMATION
            | DACL_SECURITY_INFORMATION;

    private SecurityInformation() {
    }
}
