package dev.smbco.client.rpc;

/**
 * One share a server offers, as NetrShareEnum level 1 describes it (MS-SRVS 2.2.4.23 SHARE_INFO_1).
 *
 * @param name    the share name, e.g. {@code public} or {@code IPC$}
 * @param type    the base type
 * @param flags   the raw shi1_type: base type plus {@link #SPECIAL}, {@link #TEMPORARY} and cluster bits
 * @param comment the share's comment (remark), empty when it has none
 */
public record ShareInfo(String name, ShareType type, int flags, String comment) {
    /** STYPE_SPECIAL: an administrative share (IPC$, ADMIN$, C$). */
    public static final int SPECIAL = 0x80000000;
    /** STYPE_TEMPORARY: a temporary share. */
    public static final int TEMPORARY = 0x40000000;
    /** STYPE_CLUSTER_FS, STYPE_CLUSTER_SOFS, STYPE_CLUSTER_DFS. */
    public static final int CLUSTER_BITS = 0x0E000000;
    /** The bits that carry the base type. */
    static final int BASE_TYPE_MASK = ~(SPECIAL | TEMPORARY | CLUSTER_BITS);

    /**
     * A share from its raw shi1_type.
     *
     * @param name the share name
     * @param flags the raw shi1_type
     * @param comment the remark, null taken as empty
     * @return the share, its {@link #type()} taken from {@code flags}
     */
    public static ShareInfo of(String name, int flags, String comment) {
        return new ShareInfo(name, ShareType.of(flags), flags, comment == null ? "" : comment);
    }

    /**
     * Whether STYPE_SPECIAL is set.
     *
     * @return true for an administrative share such as IPC$
     */
    public boolean isSpecial() {
        return (flags & SPECIAL) != 0;
    }

    /**
     * Whether STYPE_TEMPORARY is set.
     *
     * @return true for a temporary share
     */
    public boolean isTemporary() {
        return (flags & TEMPORARY) != 0;
    }
}
