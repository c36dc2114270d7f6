package dev.smbco.protocol.dtyp;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * MS-DTYP 2.4.5 ACL: AclRevision (1 byte), Sbz1 (1 byte), AclSize (2 bytes), AceCount (2 bytes),
 * Sbz2 (2 bytes), then AceCount ACEs.
 *
 * @param revision AclRevision (1 byte): {@link #ACL_REVISION} (2) or {@link #ACL_REVISION_DS} (4, object ACEs)
 * @param aces     the ACEs in order (AceCount and AclSize follow from them)
 */
public record Acl(int revision, List<Ace> aces) {
    public static final int ACL_REVISION = 2;
    public static final int ACL_REVISION_DS = 4;
    public static final int HEADER_SIZE = 8;
    private static final String NAME = "ACL";

    public Acl {
        if (revision < 0 || revision > 0xFF) {
            throw new IllegalArgumentException("AclRevision " + revision + " does not fit in a byte");
        }
        aces = List.copyOf(aces);
        long size = HEADER_SIZE;
        for (Ace a : aces) {
            size += a.size();
        }
        if (size > 0xFFFF || aces.size() > 0xFFFF) {
            throw new IllegalArgumentException("ACL of " + size + " bytes / " + aces.size() + " ACEs exceeds AclSize");
        }
    }

    /** A revision-2 ACL. */
    public static Acl of(Ace... aces) {
        return new Acl(ACL_REVISION, List.of(aces));
    }

    /** AclSize: the encoded size in bytes. */
    public int size() {
        int size = HEADER_SIZE;
        for (Ace a : aces) {
            size += a.size();
        }
        return size;
    }

    public void encode(ByteBuf out) {
        out.writeByte(revision);     // AclRevision (1 byte)
        out.writeByte(0);            // Sbz1 (1 byte)
        out.writeShortLE(size());    // AclSize (2 bytes)
        out.writeShortLE(aces.size()); // AceCount (2 bytes)
        out.writeShortLE(0);         // Sbz2 (2 bytes)
        for (Ace a : aces) {
            a.encode(out);           // ACEs
        }
    }

    /** Decodes one ACL at the reader index and advances by its AclSize. */
    public static Acl decode(ByteBuf in) {
        Wire.require(in, HEADER_SIZE, NAME, "header");
        int start = in.readerIndex();
        int revision = in.readUnsignedByte();   // AclRevision (1 byte)
        in.skipBytes(1);                        // Sbz1 (1 byte)
        int aclSize = in.readUnsignedShortLE(); // AclSize (2 bytes)
        int aceCount = in.readUnsignedShortLE(); // AceCount (2 bytes)
        in.skipBytes(2);                        // Sbz2 (2 bytes)
        if (aclSize < HEADER_SIZE) {
            throw new SmbDecodeException(NAME, "AclSize", aclSize + " is smaller than the 8-byte header");
        }
        in.readerIndex(start);
        Wire.require(in, aclSize, NAME, "AclSize");
        ByteBuf body = in.slice(start + HEADER_SIZE, aclSize - HEADER_SIZE);
        in.skipBytes(aclSize);
        Wire.count(body, aceCount, Ace.HEADER_SIZE, NAME, "AceCount");
        List<Ace> aces = new ArrayList<>(aceCount);
        for (int i = 0; i < aceCount; i++) {
            aces.add(Ace.decode(body));         // ACEs
        }
        return new Acl(revision, aces);
    }

    /** e.g. {@code [ALLOW S-1-1-0 0x001F01FF, DENY S-1-5-7 0x00000002]}. */
    @Override
    public String toString() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (Ace a : aces) {
            j.add(a.toString());
        }
        return j.toString();
    }
}
