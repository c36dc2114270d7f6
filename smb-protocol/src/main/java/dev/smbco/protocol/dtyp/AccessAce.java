package dev.smbco.protocol.dtyp;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * MS-DTYP 2.4.4.2 ACCESS_ALLOWED_ACE, 2.4.4.4 ACCESS_DENIED_ACE and 2.4.4.10 SYSTEM_AUDIT_ACE:
 * the ACE types made of a header, an access mask and a SID.
 *
 * @param aceType AceType (1 byte)
 * @param flags   AceFlags (1 byte): {@link AceFlags} bits
 * @param mask    Mask (4 bytes): an {@link AccessMask}
 * @param sid     SidStart (variable): the trustee
 */
public record AccessAce(AceType aceType, int flags, int mask, Sid sid) implements Ace {
    public AccessAce {
        Objects.requireNonNull(aceType, "aceType");
        Objects.requireNonNull(sid, "sid");
        if (flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("AceFlags " + flags + " does not fit in a byte");
        }
    }

    public static AccessAce allow(Sid sid, int mask, int flags) {
        return new AccessAce(AceType.ACCESS_ALLOWED, flags, mask, sid);
    }

    public static AccessAce deny(Sid sid, int mask, int flags) {
        return new AccessAce(AceType.ACCESS_DENIED, flags, mask, sid);
    }

    @Override
    public int type() {
        return aceType.value();
    }

    @Override
    public int size() {
        return HEADER_SIZE + 4 + sid.size();
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeByte(aceType.value()); // AceType (1 byte)
        out.writeByte(flags);           // AceFlags (1 byte)
        out.writeShortLE(size());       // AceSize (2 bytes)
        out.writeIntLE(mask);           // Mask (4 bytes)
        sid.encode(out);                // SidStart (variable)
    }

    /** Decodes Mask and SID from the body after the header; bytes after the SID are ignored. */
    static AccessAce decodeBody(AceType type, int flags, ByteBuf body) {
        Wire.require(body, 4, "ACE", "Mask");
        int mask = body.readIntLE();    // Mask (4 bytes)
        Sid sid = Sid.decode(body);     // SidStart (variable)
        return new AccessAce(type, flags, mask, sid);
    }

    /** e.g. {@code ALLOW S-1-1-0 0x001F01FF OI|CI}. */
    @Override
    public String toString() {
        String f = AceFlags.toString(flags);
        return aceType.label() + " " + sid + " " + AccessMask.hex(mask) + (f.isEmpty() ? "" : " " + f);
    }
}
