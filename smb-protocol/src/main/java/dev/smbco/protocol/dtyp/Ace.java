package dev.smbco.protocol.dtyp;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * MS-DTYP 2.4.4 ACE: an access control entry, ACE_HEADER (2.4.4.1: AceType 1 byte, AceFlags
 * 1 byte, AceSize 2 bytes) followed by a type-specific body. Allowed, denied and audit ACEs are
 * {@link AccessAce}; every other type keeps its body as raw bytes ({@link RawAce}), so an ACL
 * re-encodes unchanged.
 */
public sealed interface Ace permits AccessAce, RawAce {
    /** Size of the ACE_HEADER. */
    int HEADER_SIZE = 4;
    /** Largest AceSize. */
    int MAX_SIZE = 0xFFFF;

    /** AceType (1 byte). */
    int type();

    /** AceFlags (1 byte): {@link AceFlags} bits. */
    int flags();

    /** AceSize: the encoded size in bytes, header included. */
    int size();

    void encode(ByteBuf out);

    /** Decodes one ACE at the reader index and advances by its AceSize. */
    static Ace decode(ByteBuf in) {
        Wire.require(in, HEADER_SIZE, "ACE", "ACE_HEADER");
        int start = in.readerIndex();
        int type = in.getUnsignedByte(start);           // AceType (1 byte)
        int flags = in.getUnsignedByte(start + 1);      // AceFlags (1 byte)
        int size = in.getUnsignedShortLE(start + 2);    // AceSize (2 bytes)
        if (size < HEADER_SIZE) {
            throw new SmbDecodeException("ACE", "AceSize", size + " is smaller than the 4-byte header");
        }
        Wire.require(in, size, "ACE", "AceSize");
        ByteBuf body = in.slice(start + HEADER_SIZE, size - HEADER_SIZE);
        in.skipBytes(size);
        var known = AceType.fromValue(type);
        if (known.isPresent()) {
            return AccessAce.decodeBody(known.get(), flags, body);
        }
        byte[] raw = new byte[body.readableBytes()];
        body.readBytes(raw);
        return new RawAce(type, flags, raw);
    }
}
