package dev.smbco.protocol.fscc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FsInformationTest {

    @Test
    void sizeInformationLayoutAndBytes() {
        byte[] spec = LeBytes.of().u64(1_000_000).u64(250_000).u32(8).u32(512).toArray();
        FileFsSizeInformation s = Bufs.decode(spec, FileFsSizeInformation::decode);
        assertThat(s).isEqualTo(new FileFsSizeInformation(1_000_000, 250_000, 8, 512));
        assertThat(s.bytesPerAllocationUnit()).isEqualTo(4096);
        assertThat(s.totalBytes()).isEqualTo(4_096_000_000L);
        assertThat(s.availableBytes()).isEqualTo(1_024_000_000L);
        assertThat(Bufs.encode(s::encode)).isEqualTo(spec);
        assertThat(s.infoClass()).isEqualTo(FsInformationClass.FILE_FS_SIZE_INFORMATION);
    }

    @Test
    void fullSizeInformationLayoutAndBytes() {
        byte[] spec = LeBytes.of().u64(1_000_000).u64(100).u64(200).u32(0xFFFF_FFFFL).u32(0xFFFF_FFFFL).toArray();
        FileFsFullSizeInformation s = Bufs.decode(spec, FileFsFullSizeInformation::decode);
        assertThat(s).isEqualTo(new FileFsFullSizeInformation(1_000_000, 100, 200, 0xFFFF_FFFFL, 0xFFFF_FFFFL));
        assertThat(s.totalBytes()).isEqualTo(Long.MAX_VALUE); // saturates instead of overflowing
        assertThat(Bufs.encode(s::encode)).isEqualTo(spec);
        FileFsFullSizeInformation small = new FileFsFullSizeInformation(10, 3, 4, 1, 4096);
        assertThat(small.callerAvailableBytes()).isEqualTo(3 * 4096);
        assertThat(small.actualAvailableBytes()).isEqualTo(4 * 4096);
    }
}
