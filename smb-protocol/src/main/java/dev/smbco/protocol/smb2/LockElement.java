package dev.smbco.protocol.smb2;

import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.26.1 SMB2_LOCK_ELEMENT (24 bytes).
 *
 * @param offset Offset (8 bytes)
 * @param length Length (8 bytes)
 * @param flags  Flags (4 bytes): {@link #SHARED_LOCK}, {@link #EXCLUSIVE_LOCK}, {@link #UNLOCK}, {@link #FAIL_IMMEDIATELY}
 */
public record LockElement(long offset, long length, int flags) {
    public static final int SIZE = 24;
    public static final int SHARED_LOCK = 0x00000001;
    public static final int EXCLUSIVE_LOCK = 0x00000002;
    public static final int UNLOCK = 0x00000004;
    public static final int FAIL_IMMEDIATELY = 0x00000010;

    void encode(ByteBuf out) {
        out.writeLongLE(offset);                // Offset (8 bytes)
        out.writeLongLE(length);                // Length (8 bytes)
        out.writeIntLE(flags);                  // Flags (4 bytes)
        out.writeIntLE(0);                      // Reserved (4 bytes)
    }

    static LockElement decode(ByteBuf in) {
        LockElement e = new LockElement(in.readLongLE(), in.readLongLE(), in.readIntLE());
        in.skipBytes(4);
        return e;
    }
}
