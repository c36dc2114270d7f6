package dev.smbco.protocol.rpc;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * C706 12.6 p_syntax_id_t / MS-RPCE 2.2.2: an interface or transfer syntax, a UUID and a
 * version (major, minor), 20 bytes on the wire.
 *
 * @param uuid  if_uuid (16 bytes, GUID packet representation)
 * @param major if_version (4 bytes), low 16 bits: the major version
 * @param minor if_version, high 16 bits: the minor version
 */
public record SyntaxId(UUID uuid, int major, int minor) {
    public static final int SIZE = 20;
    /** C706 14 / MS-RPCE 2.2.4: the NDR 2.0 transfer syntax, 8a885d04-1ceb-11c9-9fe8-08002b104860 v2.0. */
    public static final SyntaxId NDR20 = new SyntaxId(UUID.fromString("8a885d04-1ceb-11c9-9fe8-08002b104860"), 2, 0);

    public void encode(ByteBuf out) {
        Wire.writeGuid(out, uuid);              // if_uuid (16 bytes)
        out.writeShortLE(major);                // if_version (4 bytes): major
        out.writeShortLE(minor);                //                       minor
    }

    /** Reads 20 bytes; the caller has checked they are there. */
    static SyntaxId decode(ByteBuf in) {
        UUID uuid = Wire.readGuid(in);
        int major = in.readUnsignedShortLE();
        int minor = in.readUnsignedShortLE();
        return new SyntaxId(uuid, major, minor);
    }

    @Override
    public String toString() {
        return uuid + " v" + major + "." + minor;
    }
}
