package dev.smbco.protocol.dtyp;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * MS-DTYP 2.4.6 SECURITY_DESCRIPTOR in self-relative form, as SMB2 QUERY_INFO and SET_INFO carry
 * it (InfoType SMB2_0_INFO_SECURITY).
 *
 * <p>Layout: Revision (1 byte, always 1), Sbz1 (1 byte), Control (2 bytes), OffsetOwner,
 * OffsetGroup, OffsetSacl, OffsetDacl (4 bytes each, from the start of the descriptor, 0 when
 * absent), then OwnerSid, GroupSid, Sacl and Dacl. The encoder writes the parts in that order,
 * right after the 20-byte header; the decoder accepts them in any order and place inside the buffer.
 *
 * <p>A {@code null} component is absent. A {@code null} DACL with {@link #SE_DACL_PRESENT} set is
 * a NULL DACL, which grants everyone full access; {@link #SE_SELF_RELATIVE} is always set.
 *
 * @param control Control (2 bytes): the {@code SE_*} bits
 * @param owner   OwnerSid, located by OffsetOwner; may be null
 * @param group   GroupSid, located by OffsetGroup; may be null
 * @param sacl    Sacl, located by OffsetSacl; may be null
 * @param dacl    Dacl, located by OffsetDacl; may be null
 */
public record SecurityDescriptor(int control, Sid owner, Sid group, Acl sacl, Acl dacl) {
    public static final int REVISION = 1;
    public static final int HEADER_SIZE = 20;

    public static final int SE_OWNER_DEFAULTED = 0x0001;
    public static final int SE_GROUP_DEFAULTED = 0x0002;
    public static final int SE_DACL_PRESENT = 0x0004;
    public static final int SE_DACL_DEFAULTED = 0x0008;
    public static final int SE_SACL_PRESENT = 0x0010;
    public static final int SE_SACL_DEFAULTED = 0x0020;
    public static final int SE_DACL_TRUSTED = 0x0040;
    public static final int SE_SERVER_SECURITY = 0x0080;
    public static final int SE_DACL_AUTO_INHERIT_REQ = 0x0100;
    public static final int SE_SACL_AUTO_INHERIT_REQ = 0x0200;
    public static final int SE_DACL_AUTO_INHERITED = 0x0400;
    public static final int SE_SACL_AUTO_INHERITED = 0x0800;
    public static final int SE_DACL_PROTECTED = 0x1000;
    public static final int SE_SACL_PROTECTED = 0x2000;
    public static final int SE_RM_CONTROL_VALID = 0x4000;
    public static final int SE_SELF_RELATIVE = 0x8000;

    private static final String NAME = "SECURITY_DESCRIPTOR";

    public SecurityDescriptor {
        if (control < 0 || control > 0xFFFF) {
            throw new IllegalArgumentException("Control " + control + " does not fit in 16 bits");
        }
        control |= SE_SELF_RELATIVE;
    }

    /** Owner, group and DACL (SE_DACL_PRESENT set; a null DACL is then a NULL DACL). */
    public static SecurityDescriptor of(Sid owner, Sid group, Acl dacl) {
        return new SecurityDescriptor(SE_SELF_RELATIVE | SE_DACL_PRESENT, owner, group, null, dacl);
    }

    /** Whether every bit of {@code flag} is set in Control. */
    public boolean has(int flag) {
        return (control & flag) == flag;
    }

    public void encode(ByteBuf out) {
        int start = out.writerIndex();
        out.writeByte(REVISION);    // Revision (1 byte)
        out.writeByte(0);           // Sbz1 (1 byte)
        out.writeShortLE(control);  // Control (2 bytes)
        out.writeIntLE(0);          // OffsetOwner (4 bytes): patched below
        out.writeIntLE(0);          // OffsetGroup (4 bytes)
        out.writeIntLE(0);          // OffsetSacl (4 bytes)
        out.writeIntLE(0);          // OffsetDacl (4 bytes)
        if (owner != null) {
            out.setIntLE(start + 4, out.writerIndex() - start);
            owner.encode(out);      // OwnerSid (variable)
        }
        if (group != null) {
            out.setIntLE(start + 8, out.writerIndex() - start);
            group.encode(out);      // GroupSid (variable)
        }
        if (sacl != null) {
            out.setIntLE(start + 12, out.writerIndex() - start);
            sacl.encode(out);       // Sacl (variable)
        }
        if (dacl != null) {
            out.setIntLE(start + 16, out.writerIndex() - start);
            dacl.encode(out);       // Dacl (variable)
        }
    }

    /** Decodes the descriptor filling the readable bytes (reader index to writer index) and consumes them. */
    public static SecurityDescriptor decode(ByteBuf in) {
        Wire.require(in, HEADER_SIZE, NAME, "header");
        int start = in.readerIndex();
        int length = in.readableBytes();
        int revision = in.readUnsignedByte();     // Revision (1 byte)
        if (revision != REVISION) {
            throw new SmbDecodeException(NAME, "Revision", revision + " is not 1");
        }
        in.skipBytes(1);                          // Sbz1 (1 byte)
        int control = in.readUnsignedShortLE();   // Control (2 bytes)
        long offsetOwner = in.readUnsignedIntLE(); // OffsetOwner (4 bytes)
        long offsetGroup = in.readUnsignedIntLE(); // OffsetGroup (4 bytes)
        long offsetSacl = in.readUnsignedIntLE();  // OffsetSacl (4 bytes)
        long offsetDacl = in.readUnsignedIntLE();  // OffsetDacl (4 bytes)
        Sid owner = part(in, start, length, offsetOwner, "OffsetOwner", Sid::decode);
        Sid group = part(in, start, length, offsetGroup, "OffsetGroup", Sid::decode);
        Acl sacl = part(in, start, length, offsetSacl, "OffsetSacl", Acl::decode);
        Acl dacl = part(in, start, length, offsetDacl, "OffsetDacl", Acl::decode);
        in.readerIndex(start + length);
        return new SecurityDescriptor(control, owner, group, sacl, dacl);
    }

    private static <T> T part(ByteBuf in, int start, int length, long offset, String field, Function<ByteBuf, T> decoder) {
        if (offset == 0) {
            return null;
        }
        if (offset < HEADER_SIZE || offset >= length) {
            throw new SmbDecodeException(NAME, field, offset + " is outside " + HEADER_SIZE + ".." + (length - 1));
        }
        return decoder.apply(in.slice(start + (int) offset, length - (int) offset));
    }

    /**
     * A readable rendering, e.g. {@code owner=S-1-5-32-544 (BUILTIN\Administrators);
     * group=S-1-5-18 (NT AUTHORITY\SYSTEM); control=0x8004; dacl=[ALLOW S-1-1-0 0x001F01FF OI|CI]}.
     * Absent parts are left out; a NULL DACL reads {@code dacl=NULL}.
     */
    public String toText() {
        StringJoiner j = new StringJoiner("; ");
        if (owner != null) {
            j.add("owner=" + named(owner));
        }
        if (group != null) {
            j.add("group=" + named(group));
        }
        j.add(String.format("control=0x%04X", control));
        if (dacl != null) {
            j.add("dacl=" + dacl);
        } else if (has(SE_DACL_PRESENT)) {
            j.add("dacl=NULL");
        }
        if (sacl != null) {
            j.add("sacl=" + sacl);
        }
        return j.toString();
    }

    private static String named(Sid sid) {
        return sid.wellKnownName().map(n -> sid + " (" + n + ")").orElse(sid.toString());
    }

    @Override
    public String toString() {
        return toText();
    }
}
