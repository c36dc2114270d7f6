package dev.smbco.protocol.fscc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.FileTime;
import dev.smbco.protocol.dtyp.Sid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Round trips over generated values: any Java string as a name, any FILETIME, any SID, any listing. */
class RoundTripPropertiesTest {

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x1_0000, 0x10_FFFF).list().ofMaxSize(12)
                .map(cps -> new String(cps.stream().mapToInt(Integer::intValue).toArray(), 0, cps.size()));
        return Arbitraries.oneOf(anyChars, supplementary, Arbitraries.just(FileInformationTest.NON_BMP));
    }

    @Property(tries = 300)
    void everyNameRoundTripsExactly(@ForAll("names") String name) {
        FileRenameInformation rename = FileRenameInformation.of(name, true);
        assertThat(Bufs.decode(Bufs.encode(rename::encode), FileRenameInformation::decode)).isEqualTo(rename);
        List<FileNamesInformation> listing = List.of(new FileNamesInformation(0, name), new FileNamesInformation(1, name + "x"));
        byte[] bytes = Bufs.encode(out -> DirectoryListing.encode(out, listing));
        assertThat(Bufs.decode(bytes, FileNamesInformation::decodeList)).isEqualTo(listing);
    }

    @Property(tries = 300)
    void everyFileTimeRoundTripsThroughInstants(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long fileTime) {
        Instant instant = FileTime.toInstant(fileTime);
        FileBasicInformation b = FileBasicInformation.of(instant, instant, instant, instant, FileAttributes.NORMAL);
        FileBasicInformation back = Bufs.decode(Bufs.encode(b::encode), FileBasicInformation::decode);
        assertThat(back.creationTime()).isEqualTo(fileTime);
        assertThat(back.lastWriteInstant()).isEqualTo(instant);
    }

    @Property(tries = 300)
    void everySidRoundTripsAsTextAndBinary(@ForAll @LongRange(min = 0, max = (1L << 48) - 1) long authority,
                                           @ForAll @Size(max = 15) List<@LongRange(min = 0, max = 0xFFFF_FFFFL) Long> subs) {
        Sid sid = new Sid(authority, subs);
        assertThat(Sid.parse(sid.toString())).isEqualTo(sid);
        assertThat(Bufs.decode(Bufs.encode(sid::encode), Sid::decode)).isEqualTo(sid);
    }

    @Provide
    Arbitrary<FileIdBothDirectoryInformation> idBothEntries() {
        Arbitrary<Long> longs = Arbitraries.longs();
        Arbitrary<String> shortNames = Arbitraries.strings().all().ofMaxLength(12);
        return Combinators.combine(Arbitraries.integers(), longs, longs, longs, Arbitraries.integers(), shortNames,
                        names())
                .as((index, time, size, id, attrs, shortName, name) -> new FileIdBothDirectoryInformation(index, time,
                        time ^ 1, time + 3, time - 5, size, size ^ 0xFFF, attrs, attrs >>> 3, shortName, id, name));
    }

    @Property(tries = 200)
    void everyListingRoundTripsByteExact(
            @ForAll @Size(max = 6) List<@From("idBothEntries") FileIdBothDirectoryInformation> entries) {
        List<FileIdBothDirectoryInformation> listing = new ArrayList<>(entries);
        byte[] bytes = Bufs.encode(out -> DirectoryListing.encode(out, listing));
        List<DirectoryEntry> back =
                Bufs.decode(bytes, in -> DirectoryListing.decode(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION, in));
        assertThat(back).isEqualTo(listing);
        assertThat(Bufs.encode(out -> DirectoryListing.encode(out, back))).isEqualTo(bytes);
    }
}
