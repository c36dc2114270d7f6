package dev.smbco.protocol.rpc;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * C706 12.6 / MS-RPCE 2.2.2: the 16-byte common header of every connection-oriented PDU.
 *
 * @param type       PTYPE (1 byte), {@link PduType}
 * @param flags      pfc_flags (1 byte): {@link #FIRST_FRAG}, {@link #LAST_FRAG}, ...
 * @param fragLength frag_length (2 bytes): the whole PDU, header included
 * @param authLength auth_length (2 bytes): the auth verifier's length (0: no verifier)
 * @param callId     call_id (4 bytes)
 */
public record PduHeader(int type, int flags, int fragLength, int authLength, int callId) {
    public static final int SIZE = 16;
    /** rpc_vers (1 byte): 5, rpc_vers_minor (1 byte): 0. */
    public static final int VERSION = 5;
    public static final int VERSION_MINOR = 0;
    /** PFC_FIRST_FRAG: the first fragment of a call. */
    public static final int FIRST_FRAG = 0x01;
    /** PFC_LAST_FRAG: the last fragment of a call. */
    public static final int LAST_FRAG = 0x02;
    /** PFC_OBJECT_UUID: a request carries an object UUID (never sent by this client). */
    public static final int OBJECT_UUID = 0x80;
    /** packed_drep (4 bytes): little-endian integers, ASCII characters, IEEE floats (C706 14.1). */
    public static final int DREP_LITTLE_ENDIAN_ASCII = 0x10;
    /** The sec_trailer in front of an auth verifier (MS-RPCE 2.2.2.11). */
    public static final int SEC_TRAILER_SIZE = 8;

    private static final String NAME = "DCE/RPC PDU header";

    public boolean isFirst() {
        return (flags & FIRST_FRAG) != 0;
    }

    public boolean isLast() {
        return (flags & LAST_FRAG) != 0;
    }

    /** Writes the header; {@code fragLength} may be a placeholder patched by {@link #patchLength}. */
    public void encode(ByteBuf out) {
        out.writeByte(VERSION);                 // rpc_vers (1 byte)
        out.writeByte(VERSION_MINOR);           // rpc_vers_minor (1 byte)
        out.writeByte(type);                    // PTYPE (1 byte)
        out.writeByte(flags);                   // pfc_flags (1 byte)
        out.writeByte(DREP_LITTLE_ENDIAN_ASCII); // packed_drep (4 bytes)
        out.writeByte(0);
        out.writeByte(0);
        out.writeByte(0);
        out.writeShortLE(fragLength);           // frag_length (2 bytes)
        out.writeShortLE(authLength);           // auth_length (2 bytes)
        out.writeIntLE(callId);                 // call_id (4 bytes)
    }

    /** Sets frag_length of the PDU that starts at {@code start} to the bytes written since. */
    public static void patchLength(ByteBuf out, int start) {
        int length = out.writerIndex() - start;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("DCE/RPC PDU of " + length + " bytes exceeds frag_length's 65535");
        }
        out.setShortLE(start + 8, length);
    }

    /**
     * Decodes the header at the reader index and checks it against the PDU it heads: version 5.0,
     * little-endian NDR, a frag_length that covers the header and equals the readable bytes, an
     * auth_length that fits.
     */
    public static PduHeader decode(ByteBuf in) {
        Wire.require(in, SIZE, NAME, "header");
        int available = in.readableBytes();
        int version = in.readUnsignedByte();
        int minor = in.readUnsignedByte();
        if (version != VERSION || minor != VERSION_MINOR) {
            throw new SmbDecodeException(NAME, "rpc_vers", version + "." + minor + " is not 5.0");
        }
        int type = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int drep = in.readUnsignedByte();
        in.skipBytes(3);
        if ((drep & 0xF0) != DREP_LITTLE_ENDIAN_ASCII) {
            throw new SmbDecodeException(NAME, "packed_drep", String.format("0x%02X asks for big-endian integers (not supported)", drep));
        }
        int fragLength = in.readUnsignedShortLE();
        int authLength = in.readUnsignedShortLE();
        int callId = in.readIntLE();
        if (fragLength < SIZE || fragLength != available) {
            throw new SmbDecodeException(NAME, "frag_length", fragLength + " does not match the " + available + "-byte PDU");
        }
        if (authLength != 0 && SIZE + authLength + SEC_TRAILER_SIZE > fragLength) {
            throw new SmbDecodeException(NAME, "auth_length", authLength + " does not fit in a " + fragLength + "-byte PDU");
        }
        return new PduHeader(type, flags, fragLength, authLength, callId);
    }

    /** The bytes at the end of the PDU taken by the sec_trailer and auth verifier (0 without one). */
    public int trailerLength() {
        return authLength == 0 ? 0 : authLength + SEC_TRAILER_SIZE;
    }
}
