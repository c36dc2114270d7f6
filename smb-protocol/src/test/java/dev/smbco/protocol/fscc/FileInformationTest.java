package dev.smbco.protocol.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.FileTime;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.dtyp.AccessMask;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FileInformationTest {
    static final String NON_BMP = "Ünïcødé 日本語 🎉.txt";
    static final long T1 = 133_500_000_001_234_567L; // an arbitrary FILETIME with 100 ns precision
    static final long T2 = 132_000_000_000_000_001L;

    static FileBasicInformation basic() {
        return new FileBasicInformation(T1, T2, T1 + 1, T2 + 7, FileAttributes.ARCHIVE | FileAttributes.HIDDEN);
    }

    static FileStandardInformation standard() {
        return new FileStandardInformation(4096, 1234, 0xFFFF_FFFFL, true, false);
    }

    static FileAllInformation all(String name) {
        return new FileAllInformation(basic(), standard(), new FileInternalInformation(0x1122_3344_5566_7788L),
                new FileEaInformation(77), new FileAccessInformation(AccessMask.FILE_ALL_ACCESS),
                new FilePositionInformation(99), new FileModeInformation(FileModeInformation.FILE_SYNCHRONOUS_IO_NONALERT),
                new FileAlignmentInformation(3), name);
    }

    /** Every fixed (non-list) file information value, with its decoder. */
    static List<Case> cases() {
        return List.of(
                new Case(basic(), FileBasicInformation::decode),
                new Case(standard(), FileStandardInformation::decode),
                new Case(new FileInternalInformation(-5), FileInternalInformation::decode),
                new Case(new FileEaInformation(0xFFFF_FFFFL), FileEaInformation::decode),
                new Case(new FileAccessInformation(AccessMask.GENERIC_READ), FileAccessInformation::decode),
                new Case(new FilePositionInformation(Long.MAX_VALUE), FilePositionInformation::decode),
                new Case(new FileModeInformation(0x1022), FileModeInformation::decode),
                new Case(new FileAlignmentInformation(0x1FF), FileAlignmentInformation::decode),
                new Case(all(NON_BMP), FileAllInformation::decode),
                new Case(all(""), FileAllInformation::decode),
                new Case(new FileNetworkOpenInformation(T1, T2, T1, T2, 8192, 8000, FileAttributes.NORMAL),
                        FileNetworkOpenInformation::decode),
                new Case(new FileAttributeTagInformation(FileAttributes.REPARSE_POINT, 0xA000000C),
                        FileAttributeTagInformation::decode),
                new Case(FileRenameInformation.of("dir\\" + NON_BMP, true), FileRenameInformation::decode),
                new Case(FileRenameInformation.of("a", false), FileRenameInformation::decode),
                new Case(FileLinkInformation.of("links\\hard", false), FileLinkInformation::decode),
                new Case(FileDispositionInformation.DELETE, FileDispositionInformation::decode),
                new Case(new FileDispositionInformation(false), FileDispositionInformation::decode),
                new Case(new FileDispositionInformationEx(FileDispositionInformationEx.FILE_DISPOSITION_DELETE
                        | FileDispositionInformationEx.FILE_DISPOSITION_POSIX_SEMANTICS), FileDispositionInformationEx::decode),
                new Case(new FileEndOfFileInformation(1L << 40), FileEndOfFileInformation::decode),
                new Case(new FileAllocationInformation(1 << 20), FileAllocationInformation::decode));
    }

    record Case(FileInformation value, Function<ByteBuf, ? extends FileInformation> decoder) {
    }

    @Test
    void everyClassRoundTripsAndReEncodesByteExact() {
        for (Case c : cases()) {
            byte[] bytes = Bufs.encode(c.value()::encode);
            FileInformation back = Bufs.decode(bytes, c.decoder());
            assertThat(back).as(c.value().getClass().getSimpleName()).isEqualTo(c.value());
            assertThat(back.infoClass()).isEqualTo(c.value().infoClass());
            assertThat(Bufs.encode(back::encode)).isEqualTo(bytes);
            assertThat(FileInformation.supports(c.value().infoClass())).isTrue();
            FileInformation byClass = Bufs.decode(bytes, in -> FileInformation.decode(c.value().infoClass(), in));
            assertThat(byClass).isEqualTo(c.value());
        }
        FileNameInformation name = new FileNameInformation(NON_BMP);
        FileInformation nameBack = Bufs.decode(Bufs.encode(name::encode), in -> FileInformation.decode(name.infoClass(), in));
        assertThat(nameBack).isEqualTo(name);
    }

    @Test
    void listClassesAreNotDecodedAsSingleStructures() {
        assertThat(FileInformation.supports(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION)).isFalse();
        assertThatThrownBy(() -> Bufs.decode(new byte[8],
                in -> FileInformation.decode(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION, in)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DirectoryListing.decode");
        assertThatThrownBy(() -> Bufs.decode(new byte[8],
                in -> FileInformation.decode(FileInformationClass.FILE_STREAM_INFORMATION, in)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FileStreamInformation.decodeList");
        assertThatThrownBy(() -> Bufs.decode(new byte[8],
                in -> DirectoryListing.decode(FileInformationClass.FILE_BASIC_INFORMATION, in)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedSizesMatchTheSpecification() {
        assertThat(Bufs.encode(basic()::encode)).hasSize(40);
        assertThat(Bufs.encode(standard()::encode)).hasSize(24);
        assertThat(Bufs.encode(new FileNetworkOpenInformation(0, 0, 0, 0, 0, 0, 0)::encode)).hasSize(56);
        assertThat(Bufs.encode(all("ab")::encode)).hasSize(100 + 4);
        assertThat(Bufs.encode(new FileEndOfFileInformation(1)::encode)).hasSize(8);
        assertThat(Bufs.encode(FileDispositionInformation.DELETE::encode)).containsExactly(1);
    }

    @Test
    void basicInformationLayoutFromTheSpec() {
        byte[] spec = LeBytes.of().u64(T1).u64(T2).u64(T1 + 1).u64(T2 + 7)
                .u32(FileAttributes.ARCHIVE | FileAttributes.HIDDEN).u32(0).toArray();
        assertThat(Bufs.encode(basic()::encode)).isEqualTo(spec);
        assertThat(Bufs.decode(spec, FileBasicInformation::decode)).isEqualTo(basic());
    }

    @Test
    void basicInformationInstantsAreExact() {
        Instant created = Instant.parse("2024-02-29T12:34:56.123456700Z");
        Instant written = Instant.parse("1999-12-31T23:59:59.999999900Z");
        FileBasicInformation b = FileBasicInformation.of(created, null, written, null, 0);
        assertThat(b.creationInstant()).isEqualTo(created);
        assertThat(b.lastWriteInstant()).isEqualTo(written);
        assertThat(b.lastAccessTime()).isEqualTo(FileBasicInformation.KEEP);
        FileBasicInformation back = Bufs.decode(Bufs.encode(b::encode), FileBasicInformation::decode);
        assertThat(back.creationInstant()).isEqualTo(created);
        assertThat(back.creationTime()).isEqualTo(FileTime.fromInstant(created));
        assertThat(back.toString()).contains("attributes=0");
    }

    @Test
    void standardInformationLayoutFromTheSpec() {
        byte[] spec = LeBytes.of().u64(4096).u64(1234).u32(0xFFFF_FFFFL).u8(1).u8(0).u16(0).toArray();
        assertThat(Bufs.encode(standard()::encode)).isEqualTo(spec);
        FileStandardInformation s = Bufs.decode(spec, FileStandardInformation::decode);
        assertThat(s.numberOfLinks()).isEqualTo(0xFFFF_FFFFL);
        assertThat(s.deletePending()).isTrue();
        assertThat(s.directory()).isFalse();
    }

    @Test
    void allInformationLayoutFromTheSpec() {
        byte[] spec = LeBytes.of()
                .u64(T1).u64(T2).u64(T1 + 1).u64(T2 + 7).u32(FileAttributes.ARCHIVE | FileAttributes.HIDDEN).u32(0) // Basic
                .u64(4096).u64(1234).u32(0xFFFF_FFFFL).u8(1).u8(0).u16(0)                                        // Standard
                .u64(0x1122_3344_5566_7788L)                                                                      // Internal
                .u32(77)                                                                                          // Ea
                .u32(AccessMask.FILE_ALL_ACCESS)                                                                  // Access
                .u64(99)                                                                                          // Position
                .u32(FileModeInformation.FILE_SYNCHRONOUS_IO_NONALERT)                                            // Mode
                .u32(3)                                                                                           // Alignment
                .u32(NON_BMP.length() * 2L).utf16(NON_BMP)                                                        // Name
                .toArray();
        assertThat(Bufs.decode(spec, FileAllInformation::decode)).isEqualTo(all(NON_BMP));
        assertThat(Bufs.encode(all(NON_BMP)::encode)).isEqualTo(spec);
    }

    @Test
    void renameInformationLayoutFromTheSpecPaddedTo24() {
        byte[] spec = LeBytes.of().u8(1).zeros(7).u64(0).u32(10).utf16("a\\b.c").toArray();
        assertThat(spec).hasSize(30);
        assertThat(Bufs.encode(FileRenameInformation.of("a\\b.c", true)::encode)).isEqualTo(spec);
        // a one-character name is padded up to the 24-byte C structure size
        byte[] shortSpec = LeBytes.of().u8(0).zeros(7).u64(0).u32(2).utf16("x").zeros(2).toArray();
        assertThat(Bufs.encode(FileRenameInformation.of("x", false)::encode)).isEqualTo(shortSpec);
        assertThat(Bufs.decode(shortSpec, FileRenameInformation::decode)).isEqualTo(FileRenameInformation.of("x", false));
        assertThat(Bufs.decode(spec, FileLinkInformation::decode)).isEqualTo(FileLinkInformation.of("a\\b.c", true));
    }

    @Test
    void nonBmpNamesRoundTripExactly() {
        String name = "dir\\" + NON_BMP + "\uD83D\uDE00";
        FileRenameInformation r = FileRenameInformation.of(name, false);
        byte[] bytes = Bufs.encode(r::encode);
        assertThat(bytes).startsWith(LeBytes.of().u8(0).zeros(7).u64(0).u32(name.length() * 2L).utf16(name).toArray());
        assertThat(Bufs.decode(bytes, FileRenameInformation::decode).fileName()).isEqualTo(name);
    }

    @Test
    void truncatedFixedStructuresFailWithTheirName() {
        byte[] bytes = Bufs.encode(basic()::encode);
        byte[] cut = java.util.Arrays.copyOf(bytes, 39);
        assertThatThrownBy(() -> Bufs.decode(cut, FileBasicInformation::decode))
                .isInstanceOf(SmbDecodeException.class)
                .satisfies(e -> assertThat(((SmbDecodeException) e).structure()).isEqualTo("FileBasicInformation"));
    }

    @Test
    void nameLengthPastTheEndOrOddIsRejected() {
        byte[] tooLong = LeBytes.of().u8(0).zeros(7).u64(0).u32(0xFFFF_FFF0L).utf16("ab").toArray();
        assertThatThrownBy(() -> Bufs.decode(tooLong, FileRenameInformation::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("FileNameLength");
        byte[] odd = LeBytes.of().u8(0).zeros(7).u64(0).u32(3).utf16("ab").toArray();
        assertThatThrownBy(() -> Bufs.decode(odd, FileRenameInformation::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("odd");
    }

    @Test
    void decodersConsumeExactlyTheirStructure() {
        byte[] withTrailer = LeBytes.of().bytes(Bufs.encode(standard()::encode)).zeros(8).toArray();
        assertThat(Bufs.consumed(withTrailer, FileStandardInformation::decode)).isEqualTo(24);
    }

    @Test
    void negativeEndOfFileIsRejected() {
        assertThatThrownBy(() -> new FileEndOfFileInformation(-1)).isInstanceOf(IllegalArgumentException.class);
        byte[] neg = LeBytes.of().u64(-1).toArray();
        assertThatThrownBy(() -> Bufs.decode(neg, FileEndOfFileInformation::decode)).isInstanceOf(SmbDecodeException.class);
    }

    @Test
    void classIdsAreTheWireValues() {
        assertThat(FileInformationClass.FILE_BASIC_INFORMATION.id()).isEqualTo(4);
        assertThat(FileInformationClass.FILE_ALL_INFORMATION.id()).isEqualTo(18);
        assertThat(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION.id()).isEqualTo(37);
        assertThat(FileInformationClass.FILE_DISPOSITION_INFORMATION_EX.id()).isEqualTo(64);
        assertThat(FileInformationClass.fromId(34)).contains(FileInformationClass.FILE_NETWORK_OPEN_INFORMATION);
        assertThat(FileInformationClass.fromId(30)).isEmpty();
        assertThat(FileInformationClass.fromId(-1)).isEmpty();
        assertThat(FsInformationClass.FILE_FS_FULL_SIZE_INFORMATION.id()).isEqualTo(7);
        assertThat(FsInformationClass.fromId(3)).contains(FsInformationClass.FILE_FS_SIZE_INFORMATION);
    }

    @Test
    void attributesRenderReadably() {
        assertThat(FileAttributes.toString(FileAttributes.DIRECTORY | FileAttributes.HIDDEN)).isEqualTo("HIDDEN|DIRECTORY");
        assertThat(FileAttributes.toString(0)).isEqualTo("0");
        assertThat(FileAttributes.toString(FileAttributes.ARCHIVE | 0x0100_0000)).isEqualTo("ARCHIVE|0x01000000");
        assertThat(FileAttributes.has(0x30, FileAttributes.DIRECTORY)).isTrue();
    }

    @Test
    void dispositionExRendersFlags() {
        assertThat(new FileDispositionInformationEx(3).toString()).isEqualTo("FileDispositionInformationEx[DELETE|POSIX_SEMANTICS]");
        assertThat(new FileDispositionInformationEx(0).toString()).isEqualTo("FileDispositionInformationEx[DO_NOT_DELETE]");
    }
}
