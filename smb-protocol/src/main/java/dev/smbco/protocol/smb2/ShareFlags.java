package dev.smbco.protocol.smb2;

/** MS-SMB2 2.2.10 TREE_CONNECT response ShareFlags (SMB2_SHAREFLAG_*). */
public final class ShareFlags {
    public static final int MANUAL_CACHING = 0x00000000;
    public static final int AUTO_CACHING = 0x00000010;
    public static final int VDO_CACHING = 0x00000020;
    public static final int NO_CACHING = 0x00000030;
    /** Mask of the 2-bit caching policy above. */
    public static final int CACHING_MASK = 0x00000030;
    public static final int DFS = 0x00000001;
    public static final int DFS_ROOT = 0x00000002;
    public static final int RESTRICT_EXCLUSIVE_OPENS = 0x00000100;
    public static final int FORCE_SHARED_DELETE = 0x00000200;
    public static final int ALLOW_NAMESPACE_CACHING = 0x00000400;
    public static final int ACCESS_BASED_DIRECTORY_ENUM = 0x00000800;
    public static final int FORCE_LEVELII_OPLOCK = 0x00001000;
    public static final int ENABLE_HASH_V1 = 0x00002000;
    public static final int ENABLE_HASH_V2 = 0x00004000;
    public static final int ENCRYPT_DATA = 0x00008000;
    public static final int IDENTITY_REMOTING = 0x00040000;
    public static final int COMPRESS_DATA = 0x00100000;
    public static final int ISOLATED_TRANSPORT = 0x00200000;
    private ShareFlags() {
    }
}
