package dev.smbco.protocol.fscc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.FileTime;
import dev.smbco.protocol.dtyp.Sid;
import dev.smbco.protocol.testing.Seeds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips over generated values: any Java string as a name, any FILETIME, any SID, any listing. */
class RoundTripPropertiesTest {

    static String name(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> Seeds.string(r, 60, true);
            case 1 -> {
                int[] cps = new int[r.nextInt(13)];
                for (int i = 0; i < cps.length; i++) {
                    cps[i] = 0x1_0000 + r.nextInt(0x10_0000);
                }
                yield new String(cps, 0, cps.length);
            }
            default -> FileInformationTest.NON_BMP;
        };
    }

    @Test
    void everyNameRoundTripsExactly() {
        Seeds.forEachTry("names", 300, r -> {
            String name = name(r);
            FileRenameInformation rename = FileRenameInformation.of(name, true);
            assertThat(Bufs.decode(Bufs.encode(rename::encode), FileRenameInformation::decode)).isEqualTo(rename);
            List<FileNamesInformation> listing = List.of(new FileNamesInformation(0, name), new FileNamesInformation(1, name + "x"));
            byte[] bytes = Bufs.encode(out -> DirectoryListing.encode(out, listing));
            assertThat(Bufs.decode(bytes, FileNamesInformation::decodeList)).isEqualTo(listing);
        });
    }

    @Test
    void everyFileTimeRoundTripsThroughInstants() {
        Seeds.forEachTry("filetime", 300, r -> {
            long fileTime = r.nextBoolean() ? r.nextLong() & Long.MAX_VALUE : r.nextInt(4) == 0 ? Long.MAX_VALUE - r.nextInt(10) : r.nextInt(1000);
            Instant instant = FileTime.toInstant(fileTime);
            FileBasicInformation b = FileBasicInformation.of(instant, instant, instant, instant, FileAttributes.NORMAL);
            FileBasicInformation back = Bufs.decode(Bufs.encode(b::encode), FileBasicInformation::decode);
            assertThat(back.creationTime()).isEqualTo(fileTime);
            assertThat(back.lastWriteInstant()).isEqualTo(instant);
        });
    }

    @Test
    void everySidRoundTripsAsTextAndBinary() {
        Seeds.forEachTry("sid", 300, r -> {
            long authority = r.nextLong() & ((1L << 48) - 1);
            if (r.nextBoolean()) {
                authority = r.nextInt(32);
            }
            List<Long> subs = new ArrayList<>();
            int n = r.nextInt(16);
            for (int i = 0; i < n; i++) {
                subs.add(r.nextLong() & 0xFFFF_FFFFL);
            }
            Sid sid = new Sid(authority, subs);
            assertThat(Sid.parse(sid.toString())).isEqualTo(sid);
            assertThat(Bufs.decode(Bufs.encode(sid::encode), Sid::decode)).isEqualTo(sid);
        });
    }

    @Test
    void everyListingRoundTripsByteExact() {
        Seeds.forEachTry("listing", 200, r -> {
            List<FileIdBothDirectoryInformation> listing = new ArrayList<>();
            int n = r.nextInt(7);
            for (int i = 0; i < n; i++) {
                long time = r.nextLong();
                long size = r.nextLong();
                int attrs = r.nextInt();
                listing.add(new FileIdBothDirectoryInformation(r.nextInt(), time, time ^ 1, time + 3, time - 5, size,
                        size ^ 0xFFF, attrs, attrs >>> 3, Seeds.string(r, 12, true), r.nextLong(), name(r)));
            }
            byte[] bytes = Bufs.encode(out -> DirectoryListing.encode(out, listing));
            List<DirectoryEntry> back =
                    Bufs.decode(bytes, in -> DirectoryListing.decode(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION, in));
            assertThat(back).isEqualTo(listing);
            assertThat(Bufs.encode(out -> DirectoryListing.encode(out, back))).isEqualTo(bytes);
        });
    }
}
