package dev.smbco.protocol.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Wire helpers this package added: UTF-16, GUIDs, alignment, headerStart. */
class WireHelpersTest {

    @Test
    void utf16RoundTripsEveryCodeUnitSequence() {
        String[] samples = {"", "a", "\\\\server\\share", "\uD83D\uDE00\uD834\uDD1E", "lone \uD800 high", "lone \uDC00 low",
            "\uFFFF\u0000x", "u\u0308"};
        for (String s : samples) {
            ByteBuf b = Unpooled.buffer();
            try {
                Wire.writeUtf16(b, s);
                assertThat(b.readableBytes()).isEqualTo(Wire.utf16Length(s));
                if (!s.contains("lone")) {   // well-formed strings: exactly what the JDK's UTF-16LE encoder writes
                    assertThat(ByteBufUtil.getBytes(b)).isEqualTo(s.getBytes(StandardCharsets.UTF_16LE));
                }
                assertThat(Wire.utf16(b, 0, b.readableBytes(), "test", "name")).isEqualTo(s);
            } finally {
                b.release();
            }
        }
    }

    @Test
    void utf16RejectsOddLengthsAndOutOfRange() {
        ByteBuf b = Unpooled.wrappedBuffer(new byte[] {'a', 0, 'b'});
        try {
            assertThatThrownBy(() -> Wire.utf16(b, 0, 3, "S", "F")).isInstanceOf(SmbDecodeException.class).hasMessageContaining("odd");
            assertThatThrownBy(() -> Wire.utf16(b, 2, 2, "S", "F")).isInstanceOf(SmbDecodeException.class);
            assertThatThrownBy(() -> Wire.utf16(b, -2, 2, "S", "F")).isInstanceOf(SmbDecodeException.class);
        } finally {
            b.release();
        }
    }

    @Test
    void guidUsesTheMsDtypMixedEndianLayout() {
        UUID guid = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
        ByteBuf b = Unpooled.buffer();
        try {
            Wire.writeGuid(b, guid);
            assertThat(ByteBufUtil.hexDump(b)).isEqualTo("33221100554477668899aabbccddeeff");
            assertThat(Wire.readGuid(b)).isEqualTo(guid);
        } finally {
            b.release();
        }
    }

    @Test
    void pad8AlignsRelativeToTheBase() {
        ByteBuf b = Unpooled.buffer();
        try {
            b.writeZero(3);                         // base at 3, like a header not at index 0
            b.writeZero(5);
            Wire.pad8(b, 3);
            assertThat(b.writerIndex() - 3).isEqualTo(8);
            Wire.pad8(b, 3);
            assertThat(b.writerIndex() - 3).isEqualTo(8);
            assertThat(Wire.align8(0)).isZero();
            assertThat(Wire.align8(1)).isEqualTo(8);
            assertThat(Wire.align8(16)).isEqualTo(16);
        } finally {
            b.release();
        }
    }

    @Test
    void headerStartAndCheckedReads() {
        ByteBuf b = Unpooled.buffer().writeZero(70);
        try {
            assertThatThrownBy(() -> Wire.headerStart(b, "X")).isInstanceOf(SmbDecodeException.class);
            b.readerIndex(64);
            assertThat(Wire.headerStart(b, "X")).isZero();
            assertThatThrownBy(() -> Wire.readBytes(b, 7, "X", "Y")).isInstanceOf(SmbDecodeException.class);
            assertThatThrownBy(() -> Wire.readBytes(b, -1, "X", "Y")).isInstanceOf(SmbDecodeException.class);
            assertThat(Wire.readBytes(b, 6, "X", "Y")).hasSize(6);
        } finally {
            b.release();
        }
    }
}
