package dev.smbco.protocol.smb2;

import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.14.1 SMB2_FILEID: the handle of an open, 16 bytes on the wire.
 *
 * @param persistent Persistent (8 bytes): survives reconnect for durable/persistent handles
 * @param volatileId Volatile (8 bytes): changes on every reopen
 */
public record FileId(long persistent, long volatileId) {
    /** 16 bytes on the wire. */
    public static final int SIZE = 16;
    /** All bits set: the FileId of IOCTLs that address no open (VALIDATE_NEGOTIATE_INFO, DFS referrals, interface info). */
    public static final FileId ALL_ONES = new FileId(-1L, -1L);
    /** In a related compound operation: "use the FileId of the previous operation" (MS-SMB2 3.2.4.1.4); all ones. */
    public static final FileId RELATED = ALL_ONES;
    /** All zero (e.g. IOCTLs that address no file). */
    public static final FileId ZERO = new FileId(0L, 0L);

    /** Writes the 16 bytes. */
    public void encode(ByteBuf out) {
        out.writeLongLE(persistent);            // Persistent (8 bytes)
        out.writeLongLE(volatileId);            // Volatile (8 bytes)
    }

    /** Reads 16 bytes; the caller has checked they are readable. */
    public static FileId decode(ByteBuf in) {
        return new FileId(in.readLongLE(), in.readLongLE());
    }

    @Override
    public String toString() {
        return String.format("FileId[%016X:%016X]", persistent, volatileId);
    }
}
