package dev.smbco.protocol.dtyp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Arrays;

/**
 * An ACE of a type this library does not model (object ACEs, callback ACEs, mandatory labels,
 * ...): MS-DTYP 2.4.4.1 ACE_HEADER plus the body kept byte for byte.
 *
 * @param type  AceType (1 byte): not one of the {@link AceType} values
 * @param flags AceFlags (1 byte)
 * @param body  everything after the header (AceSize - 4 bytes)
 */
public record RawAce(int type, int flags, byte[] body) implements Ace {
    public RawAce {
        if (type < 0 || type > 0xFF || AceType.fromValue(type).isPresent()) {
            throw new IllegalArgumentException("RawAce type must be an unmodelled AceType byte, not " + type);
        }
        if (flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("AceFlags " + flags + " does not fit in a byte");
        }
        if (body.length > MAX_SIZE - HEADER_SIZE) {
            throw new IllegalArgumentException("ACE body of " + body.length + " bytes exceeds AceSize");
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int size() {
        return HEADER_SIZE + body.length;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(type);      // AceType (1 byte)
        out.writeByte(flags);     // AceFlags (1 byte)
        out.writeShortLE(size()); // AceSize (2 bytes)
        out.writeBytes(body);     // type-specific body
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAce r && r.type == type && r.flags == flags && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return (type * 31 + flags) * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return String.format("ACE(type 0x%02X, flags %s, %d bytes %s)", type, AceFlags.toString(flags), body.length,
                ByteBufUtil.hexDump(body));
    }
}
