package dev.smbco.protocol.fscc;

import static dev.smbco.protocol.fscc.FileInformationTest.NON_BMP;
import static dev.smbco.protocol.fscc.FileInformationTest.T1;
import static dev.smbco.protocol.fscc.FileInformationTest.T2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryListingTest {

    /** One FILE_BOTH_DIR_INFORMATION entry laid out from MS-FSCC 2.4.8, NextEntryOffset given. */
    static LeBytes bothEntry(LeBytes b, long next, int index, long eof, int attrs, String shortName, String name) {
        return b.u32(next)                       // NextEntryOffset
                .u32(index)                      // FileIndex
                .u64(T1).u64(T2).u64(T1).u64(T2) // CreationTime, LastAccessTime, LastWriteTime, ChangeTime
                .u64(eof)                        // EndOfFile
                .u64((eof + 4095) / 4096 * 4096) // AllocationSize
                .u32(attrs)                      // FileAttributes
                .u32(name.length() * 2L)         // FileNameLength
                .u32(0)                          // EaSize
                .u8(shortName.length() * 2)      // ShortNameLength
                .u8(0)                           // Reserved
                .utf16(shortName).zeros(24 - shortName.length() * 2) // ShortName (24 bytes)
                .utf16(name);                    // FileName
    }

    static FileBothDirectoryInformation both(int index, long eof, int attrs, String shortName, String name) {
        return new FileBothDirectoryInformation(index, T1, T2, T1, T2, eof, (eof + 4095) / 4096 * 4096, attrs, 0,
                shortName, name);
    }

    @Test
    void threeEntryBothDirectoryListingAssembledFromTheSpec() {
        LeBytes b = LeBytes.of();
        bothEntry(b, 96, 0, 0, FileAttributes.DIRECTORY, "", ".");           // 94 + 2 = 96, already aligned
        bothEntry(b, 104, 0, 0, FileAttributes.DIRECTORY, "", "..").align(8); // 94 + 4 = 98, padded to 104
        bothEntry(b, 0, 0, 5000, FileAttributes.ARCHIVE, "REPORT~1.PDF", "report 2024.pdf"); // last: no padding
        byte[] spec = b.toArray();
        assertThat(spec).hasSize(96 + 104 + 94 + 30);

        List<FileBothDirectoryInformation> expected = List.of(
                both(0, 0, FileAttributes.DIRECTORY, "", "."),
                both(0, 0, FileAttributes.DIRECTORY, "", ".."),
                both(0, 5000, FileAttributes.ARCHIVE, "REPORT~1.PDF", "report 2024.pdf"));
        List<DirectoryEntry> decoded =
                Bufs.decode(spec, in -> DirectoryListing.decode(FileInformationClass.FILE_BOTH_DIRECTORY_INFORMATION, in));
        assertThat(decoded).containsExactlyElementsOf(expected);
        assertThat(((DetailedDirectoryEntry) decoded.get(0)).isDirectory()).isTrue();
        assertThat(((DetailedDirectoryEntry) decoded.get(2)).endOfFile()).isEqualTo(5000);
        assertThat(Bufs.encode(out -> DirectoryListing.encode(out, expected))).isEqualTo(spec);
    }

    @Test
    void everyDirectoryClassRoundTripsAsAListWithAlignment() {
        List<List<? extends DirectoryEntry>> listings = List.of(
                List.of(new FileDirectoryInformation(1, T1, T2, T1, T2, 10, 4096, FileAttributes.ARCHIVE, "a"),
                        new FileDirectoryInformation(2, T2, T1, T2, T1, 0, 0, FileAttributes.DIRECTORY, NON_BMP)),
                List.of(new FileFullDirectoryInformation(1, T1, T2, T1, T2, 10, 4096, 0x20, 5, "abc"),
                        new FileFullDirectoryInformation(3, T1, T2, T1, T2, 10, 4096, 0x20, 0, NON_BMP)),
                List.of(both(7, 1, 0x80, "A~1.TXT", NON_BMP), both(8, 2, 0x10, "", "x")),
                List.of(new FileIdBothDirectoryInformation(0, T1, T2, T1, T2, 9, 4096, 0x20, 0, "ABCDEFGH.TXT", 42, NON_BMP),
                        new FileIdBothDirectoryInformation(0, T1, T2, T1, T2, 9, 4096, 0x20, 0, "", -1, "z")),
                List.of(new FileIdFullDirectoryInformation(0, T1, T2, T1, T2, 9, 4096, 0x20, 0, 1L << 60, NON_BMP),
                        new FileIdFullDirectoryInformation(0, T1, T2, T1, T2, 9, 4096, 0x20, 0, 5, "q")),
                List.of(new FileNamesInformation(0, "."), new FileNamesInformation(0, ".."),
                        new FileNamesInformation(1, NON_BMP)));
        for (List<? extends DirectoryEntry> listing : listings) {
            FileInformationClass c = listing.get(0).infoClass();
            assertThat(DirectoryListing.supports(c)).isTrue();
            byte[] bytes = Bufs.encode(out -> DirectoryListing.encode(out, listing));
            List<DirectoryEntry> back = Bufs.decode(bytes, in -> DirectoryListing.decode(c, in));
            assertThat(back).as(c.toString()).containsExactlyElementsOf(listing);
            assertThat(Bufs.encode(out -> DirectoryListing.encode(out, back))).isEqualTo(bytes);
            // every entry but the first starts on an 8-byte boundary
            int offset = 0;
            for (int i = 0; i < listing.size() - 1; i++) {
                int next = (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
                assertThat(next % 8).as("NextEntryOffset of %s #%d", c, i).isZero();
                offset += next;
            }
        }
    }

    @Test
    void emptyOutputIsAnEmptyListing() {
        assertThat(Bufs.decode(new byte[0], FileNamesInformation::decodeList)).isEmpty();
        assertThat(DirectoryListing.supports(FileInformationClass.FILE_BASIC_INFORMATION)).isFalse();
    }

    @Test
    void nextEntryOffsetPastTheEndIsRejected() {
        byte[] bytes = LeBytes.of().u32(64).u32(0).u32(2).utf16("a").toArray();
        assertThatThrownBy(() -> Bufs.decode(bytes, FileNamesInformation::decodeList))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("NextEntryOffset");
    }

    @Test
    void nextEntryOffsetSmallerThanTheFixedPartIsRejected() {
        byte[] bytes = LeBytes.of().u32(4).u32(0).u32(0).u32(0).u32(0).u32(0).toArray();
        assertThatThrownBy(() -> Bufs.decode(bytes, FileNamesInformation::decodeList))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("NextEntryOffset");
    }

    @Test
    void aNameCannotReachIntoTheNextEntry() {
        // first entry claims a 40-byte name but the next entry starts after 16 bytes
        byte[] bytes = LeBytes.of().u32(16).u32(0).u32(40).utf16("ab")
                .u32(0).u32(0).u32(2).utf16("c").zeros(40).toArray();
        assertThatThrownBy(() -> Bufs.decode(bytes, FileNamesInformation::decodeList))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("FileNameLength");
    }

    @Test
    void shortNameLengthBeyondItsFieldIsRejected() {
        LeBytes b = LeBytes.of();
        bothEntry(b, 0, 0, 0, 0, "", "name");
        byte[] bytes = b.toArray();
        bytes[68] = 26; // ShortNameLength > 24
        assertThatThrownBy(() -> Bufs.decode(bytes, FileBothDirectoryInformation::decodeList))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("ShortNameLength");
        assertThatThrownBy(() -> both(0, 0, 0, "THIRTEENCHARS", "x")).isInstanceOf(IllegalArgumentException.class);
    }
}
