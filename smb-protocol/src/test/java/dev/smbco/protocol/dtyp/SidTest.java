package dev.smbco.protocol.dtyp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.fscc.Bufs;
import dev.smbco.protocol.fscc.LeBytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class SidTest {

    @Test
    void textFormParsesAndFormatsBackExactly() {
        for (String text : List.of("S-1-0-0", "S-1-1-0", "S-1-5-18", "S-1-5-32-544",
                "S-1-5-21-1004336348-1177238915-682003330-500", "S-1-22-1-1000", "S-1-5",
                "S-1-5-4294967295-0-1-2-3-4-5-6-7-8-9-10-11-12-13", "S-1-0x123456789ABC-7")) {
            Sid sid = Sid.parse(text);
            assertThat(sid.toString()).isEqualTo(text);
            assertThat(Bufs.decode(Bufs.encode(sid::encode), Sid::decode)).isEqualTo(sid);
        }
        assertThat(Sid.parse("s-1-5-32-544")).isEqualTo(Sid.BUILTIN_ADMINISTRATORS);
        assertThat(Sid.parse("S-1-0x5-32")).isEqualTo(Sid.of(5, 32));
        assertThat(Sid.of(5, 32, 544).toString()).isEqualTo("S-1-5-32-544");
    }

    @Test
    void binaryLayoutFromTheSpec() {
        Sid sid = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-512");
        byte[] spec = LeBytes.of().u8(1).u8(5).be48(5).u32(21).u32(1004336348L).u32(1177238915L).u32(682003330L).u32(512)
                .toArray();
        assertThat(Bufs.encode(sid::encode)).isEqualTo(spec);
        assertThat(Bufs.decode(spec, Sid::decode)).isEqualTo(sid);
        assertThat(sid.size()).isEqualTo(28);
        assertThat(sid.rid()).contains(512L);
        // a 48-bit authority goes most significant byte first
        assertThat(Bufs.encode(Sid.of(0x0102_0304_0506L)::encode))
                .isEqualTo(LeBytes.of().u8(1).u8(0).u8(1).u8(2).u8(3).u8(4).u8(5).u8(6).toArray());
    }

    @Test
    void badTextIsRejected() {
        for (String bad : List.of("", "S-1", "X-1-5", "S-2-5-1", "S-1--1", "S-1-5-x", "S-1-5-4294967296",
                "S-1-5--1", "S-1-0x1000000000000", "S-1-5-1-2-3-4-5-6-7-8-9-10-11-12-13-14-15-16", "S-1-5-+3")) {
            assertThatThrownBy(() -> Sid.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void badBinaryIsRejected() {
        assertThatThrownBy(() -> Bufs.decode(LeBytes.of().u8(2).u8(0).be48(5).toArray(), Sid::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("Revision");
        assertThatThrownBy(() -> Bufs.decode(LeBytes.of().u8(1).u8(16).be48(5).zeros(64).toArray(), Sid::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("SubAuthorityCount");
        assertThatThrownBy(() -> Bufs.decode(LeBytes.of().u8(1).u8(2).be48(5).u32(1).toArray(), Sid::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("SubAuthority");
    }

    @Test
    void wellKnownNames() {
        assertThat(Sid.EVERYONE.wellKnownName()).contains("Everyone");
        assertThat(Sid.parse("S-1-5-32-544").wellKnownName()).contains("BUILTIN\\Administrators");
        assertThat(Sid.parse("S-1-22-1-1000").wellKnownName()).contains("Unix User\\1000");
        assertThat(Sid.parse("S-1-22-2-100").wellKnownName()).contains("Unix Group\\100");
        assertThat(Sid.parse("S-1-5-21-1-2-3-500").wellKnownName()).isEmpty();
    }
}
