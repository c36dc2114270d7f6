package dev.smbco.protocol.dtyp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.fscc.Bufs;
import dev.smbco.protocol.fscc.LeBytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityDescriptorTest {
    static final Sid OWNER = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-500");
    static final Sid GROUP = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-513");

    static LeBytes domainSid(LeBytes b, long rid) {
        return b.u8(1).u8(5).be48(5).u32(21).u32(1004336348L).u32(1177238915L).u32(682003330L).u32(rid);
    }

    /** Owner, group and a two-ACE DACL, laid out from MS-DTYP 2.4.6 / 2.4.5 / 2.4.4 / 2.4.2.2 by hand. */
    static byte[] specBytes() {
        LeBytes b = LeBytes.of()
                .u8(1).u8(0).u16(0x8004)       // Revision, Sbz1, Control = SE_SELF_RELATIVE | SE_DACL_PRESENT
                .u32(20).u32(48).u32(0).u32(76); // OffsetOwner, OffsetGroup, OffsetSacl (none), OffsetDacl
        domainSid(b, 500);                     // OwnerSid at 20 (28 bytes)
        domainSid(b, 513);                     // GroupSid at 48 (28 bytes)
        b.u8(2).u8(0).u16(64).u16(2).u16(0);   // DACL at 76: AclRevision 2, Sbz1, AclSize 64, AceCount 2, Sbz2
        b.u8(0x00).u8(0x03).u16(20).u32(0x0012_0089)  // ACCESS_ALLOWED, OI|CI, AceSize 20, FILE_GENERIC_READ
                .u8(1).u8(1).be48(1).u32(0);           //   S-1-1-0 (Everyone)
        b.u8(0x00).u8(0x00).u16(36).u32(0x001F_01FF); // ACCESS_ALLOWED, no flags, AceSize 36, FILE_ALL_ACCESS
        domainSid(b, 500);                             //   the owner
        return b.toArray();
    }

    static SecurityDescriptor expected() {
        return SecurityDescriptor.of(OWNER, GROUP, Acl.of(
                AccessAce.allow(Sid.EVERYONE, AccessMask.FILE_GENERIC_READ,
                        AceFlags.OBJECT_INHERIT_ACE | AceFlags.CONTAINER_INHERIT_ACE),
                AccessAce.allow(OWNER, AccessMask.FILE_ALL_ACCESS, 0)));
    }

    @Test
    void handAssembledDescriptorDecodesAndReEncodesByteExact() {
        byte[] spec = specBytes();
        assertThat(spec).hasSize(140);
        SecurityDescriptor sd = Bufs.decode(spec, SecurityDescriptor::decode);
        assertThat(sd).isEqualTo(expected());
        assertThat(sd.has(SecurityDescriptor.SE_DACL_PRESENT)).isTrue();
        assertThat(sd.sacl()).isNull();
        assertThat(Bufs.encode(sd::encode)).isEqualTo(spec);
        assertThat(Bufs.encode(expected()::encode)).isEqualTo(spec);
        assertThat(Bufs.consumed(spec, SecurityDescriptor::decode)).isEqualTo(140);
    }

    @Test
    void textRendering() {
        assertThat(expected().toText()).isEqualTo(
                "owner=S-1-5-21-1004336348-1177238915-682003330-500; group=S-1-5-21-1004336348-1177238915-682003330-513; "
                        + "control=0x8004; dacl=[ALLOW S-1-1-0 0x00120089 OI|CI, "
                        + "ALLOW S-1-5-21-1004336348-1177238915-682003330-500 0x001F01FF]");
        SecurityDescriptor nullDacl = SecurityDescriptor.of(Sid.LOCAL_SYSTEM, null, null);
        assertThat(nullDacl.toString()).isEqualTo("owner=S-1-5-18 (NT AUTHORITY\\SYSTEM); control=0x8004; dacl=NULL");
        assertThat(AccessMask.toString(AccessMask.FILE_ALL_ACCESS)).isEqualTo("FILE_ALL_ACCESS");
        assertThat(AccessMask.toString(AccessMask.READ_CONTROL | AccessMask.FILE_READ_DATA))
                .isEqualTo("FILE_READ_DATA|READ_CONTROL");
        assertThat(AccessMask.toString(0x0000_0200)).isEqualTo("0x00000200");
        assertThat(AceFlags.toString(0x13)).isEqualTo("OI|CI|ID");
    }

    @Test
    void everyPartAndRawAcesRoundTrip() {
        RawAce objectAce = new RawAce(0x05, AceFlags.INHERITED_ACE, new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        Acl sacl = new Acl(Acl.ACL_REVISION_DS, List.of(
                new AccessAce(AceType.SYSTEM_AUDIT, AceFlags.FAILED_ACCESS_ACE_FLAG, AccessMask.DELETE, Sid.EVERYONE)));
        Acl dacl = new Acl(Acl.ACL_REVISION_DS, List.of(AccessAce.deny(Sid.ANONYMOUS, AccessMask.FILE_WRITE_DATA, 0),
                objectAce, AccessAce.allow(Sid.BUILTIN_ADMINISTRATORS, AccessMask.GENERIC_ALL, 0x0B)));
        SecurityDescriptor sd = new SecurityDescriptor(SecurityDescriptor.SE_DACL_PRESENT | SecurityDescriptor.SE_SACL_PRESENT
                | SecurityDescriptor.SE_DACL_PROTECTED, Sid.LOCAL_SYSTEM, Sid.BUILTIN_USERS, sacl, dacl);
        byte[] bytes = Bufs.encode(sd::encode);
        SecurityDescriptor back = Bufs.decode(bytes, SecurityDescriptor::decode);
        assertThat(back).isEqualTo(sd);
        assertThat(back.dacl().aces().get(1)).isEqualTo(objectAce);
        assertThat(Bufs.encode(back::encode)).isEqualTo(bytes);
        assertThat(back.toText()).contains("sacl=[AUDIT S-1-1-0 0x00010000 FA]").contains("DENY S-1-5-7 0x00000002")
                .contains("ACE(type 0x05, flags ID, 8 bytes 0102030405060708)");
        SecurityDescriptor empty = new SecurityDescriptor(0, null, null, null, null);
        assertThat(Bufs.encode(empty::encode)).isEqualTo(LeBytes.of().u8(1).u8(0).u16(0x8000).zeros(16).toArray());
        assertThat(Bufs.decode(Bufs.encode(empty::encode), SecurityDescriptor::decode)).isEqualTo(empty);
    }

    @Test
    void partsMayComeInAnyOrder() {
        // Windows writes the DACL before the owner; offsets decide, not order
        LeBytes b = LeBytes.of().u8(1).u8(0).u16(0x8004).u32(36).u32(0).u32(0).u32(20);
        b.u8(2).u8(0).u16(16).u16(0).u16(0).zeros(8); // empty DACL at 20, AclSize 16 (8 spare bytes)
        b.u8(1).u8(1).be48(5).u32(18);                // owner at 36: S-1-5-18
        SecurityDescriptor sd = Bufs.decode(b.toArray(), SecurityDescriptor::decode);
        assertThat(sd.owner()).isEqualTo(Sid.LOCAL_SYSTEM);
        assertThat(sd.dacl().aces()).isEmpty();
    }

    @Test
    void malformedDescriptorsFailWithTheField() {
        byte[] spec = specBytes();
        byte[] badOffset = spec.clone();
        badOffset[4] = (byte) 200; // OffsetOwner past the end
        assertThatThrownBy(() -> Bufs.decode(badOffset, SecurityDescriptor::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("OffsetOwner");
        byte[] intoHeader = spec.clone();
        intoHeader[16] = 4; // OffsetDacl inside the header
        assertThatThrownBy(() -> Bufs.decode(intoHeader, SecurityDescriptor::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("OffsetDacl");
        byte[] aceCount = spec.clone();
        aceCount[76 + 4] = (byte) 0xFF; // AceCount 255 in a 64-byte ACL
        assertThatThrownBy(() -> Bufs.decode(aceCount, SecurityDescriptor::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("AceCount");
        byte[] aceSize = spec.clone();
        aceSize[76 + 8 + 2] = 2; // AceSize smaller than its header
        assertThatThrownBy(() -> Bufs.decode(aceSize, SecurityDescriptor::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("AceSize");
        byte[] revision = spec.clone();
        revision[0] = 2;
        assertThatThrownBy(() -> Bufs.decode(revision, SecurityDescriptor::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("Revision");
    }

    @Test
    void aceTypeValues() {
        assertThat(AceType.fromValue(1)).contains(AceType.ACCESS_DENIED);
        assertThat(AceType.fromValue(0x11)).isEmpty();
        assertThatThrownBy(() -> new RawAce(0, 0, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
