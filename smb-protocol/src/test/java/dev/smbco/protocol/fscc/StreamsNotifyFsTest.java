package dev.smbco.protocol.fscc;

import static dev.smbco.protocol.fscc.FileInformationTest.NON_BMP;
import static dev.smbco.protocol.fscc.FileInformationTest.T1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamsNotifyFsTest {

    @Test
    void streamListAssembledFromTheSpec() {
        byte[] spec = LeBytes.of()
                .u32(40).u32(14).u64(1000).u64(4096).utf16("::$DATA").align(8)       // 24 + 14 = 38 -> 40
                .u32(0).u32(24).u64(5).u64(8).utf16(":extra:$DATA")                   // last entry, no padding
                .toArray();
        List<FileStreamInformation> expected = List.of(new FileStreamInformation(1000, 4096, "::$DATA"),
                new FileStreamInformation(5, 8, ":extra:$DATA"));
        assertThat(Bufs.decode(spec, FileStreamInformation::decodeList)).isEqualTo(expected);
        assertThat(Bufs.encode(out -> FileStreamInformation.encodeList(out, expected))).isEqualTo(spec);
        assertThat(expected.get(0).infoClass()).isEqualTo(FileInformationClass.FILE_STREAM_INFORMATION);
        FileStreamInformation single = new FileStreamInformation(1, 2, ":" + NON_BMP + ":$DATA");
        assertThat(Bufs.decode(Bufs.encode(single::encode), FileStreamInformation::decode)).isEqualTo(single);
    }

    @Test
    void notifyListAssembledFromTheSpec() {
        byte[] spec = LeBytes.of()
                .u32(20).u32(4).u32(6).utf16("old").align(4)     // 12 + 6 = 18 -> 20
                .u32(24).u32(5).u32(12).utf16("new.tx")          // 12 + 12 = 24, aligned
                .u32(0).u32(0x77).u32(NON_BMP.length() * 2L).utf16(NON_BMP)
                .toArray();
        List<FileNotifyInformation> expected = List.of(
                new FileNotifyInformation(NotifyAction.FILE_ACTION_RENAMED_OLD_NAME, "old"),
                new FileNotifyInformation(NotifyAction.FILE_ACTION_RENAMED_NEW_NAME, "new.tx"),
                new FileNotifyInformation(0x77, NON_BMP));
        List<FileNotifyInformation> decoded = Bufs.decode(spec, FileNotifyInformation::decodeList);
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoded.get(0).knownAction()).contains(NotifyAction.FILE_ACTION_RENAMED_OLD_NAME);
        assertThat(decoded.get(2).knownAction()).isEmpty();
        assertThat(decoded.get(2).toString()).startsWith("0x00000077 ");
        assertThat(decoded.get(1).toString()).isEqualTo("FILE_ACTION_RENAMED_NEW_NAME new.tx");
        assertThat(Bufs.encode(out -> FileNotifyInformation.encodeList(out, expected))).isEqualTo(spec);
    }

    @Test
    void notifyActionsHaveTheirWireValues() {
        assertThat(NotifyAction.FILE_ACTION_ADDED.value()).isEqualTo(1);
        assertThat(NotifyAction.FILE_ACTION_TUNNELLED_ID_COLLISION.value()).isEqualTo(0xB);
        assertThat(NotifyAction.fromValue(3)).contains(NotifyAction.FILE_ACTION_MODIFIED);
        assertThat(NotifyAction.fromValue(0)).isEmpty();
        assertThat(NotifyAction.fromValue(12)).isEmpty();
    }

    @Test
    void nameInformationRoundTrips() {
        FileNameInformation n = new FileNameInformation("\\dir\\" + NON_BMP);
        byte[] spec = LeBytes.of().u32(n.fileName().length() * 2L).utf16(n.fileName()).toArray();
        assertThat(Bufs.encode(n::encode)).isEqualTo(spec);
        assertThat(Bufs.decode(spec, FileNameInformation::decode)).isEqualTo(n);
    }

    @Test
    void volumeInformationLayoutFromTheSpec() {
        byte[] spec = LeBytes.of().u64(T1).u32(0xDEADBEEFL).u32(10).u8(1).u8(0).utf16("share").toArray();
        FileFsVolumeInformation v = new FileFsVolumeInformation(T1, 0xDEADBEEF, true, "share");
        assertThat(Bufs.decode(spec, FileFsVolumeInformation::decode)).isEqualTo(v);
        assertThat(Bufs.encode(v::encode)).isEqualTo(spec);
        assertThat(v.infoClass()).isEqualTo(FsInformationClass.FILE_FS_VOLUME_INFORMATION);
    }

    @Test
    void attributeInformationLayoutFromTheSpec() {
        int attrs = FileFsAttributeInformation.FILE_CASE_SENSITIVE_SEARCH | FileFsAttributeInformation.FILE_CASE_PRESERVED_NAMES
                | FileFsAttributeInformation.FILE_NAMED_STREAMS;
        byte[] spec = LeBytes.of().u32(attrs).u32(255).u32(8).utf16("NTFS").toArray();
        FileFsAttributeInformation a = Bufs.decode(spec, FileFsAttributeInformation::decode);
        assertThat(a).isEqualTo(new FileFsAttributeInformation(attrs, 255, "NTFS"));
        assertThat(a.has(FileFsAttributeInformation.FILE_NAMED_STREAMS)).isTrue();
        assertThat(a.has(FileFsAttributeInformation.FILE_READ_ONLY_VOLUME)).isFalse();
        assertThat(Bufs.encode(a::encode)).isEqualTo(spec);
    }

    @Test
    void deviceInformationLayoutFromTheSpec() {
        byte[] spec = LeBytes.of().u32(7).u32(0x20).toArray();
        FileFsDeviceInformation d = Bufs.decode(spec, FileFsDeviceInformation::decode);
        assertThat(d).isEqualTo(new FileFsDeviceInformation(FileFsDeviceInformation.FILE_DEVICE_DISK,
                FileFsDeviceInformation.FILE_DEVICE_IS_MOUNTED));
        assertThat(Bufs.encode(d::encode)).isEqualTo(spec);
    }

    @Test
    void fsClassesDecodeByClassId() {
        List<FsInformation> all = List.of(new FileFsVolumeInformation(T1, 1, false, NON_BMP),
                new FileFsSizeInformation(1, 2, 3, 4), new FileFsFullSizeInformation(1, 2, 3, 4, 5),
                new FileFsAttributeInformation(7, 255, "ext4"), new FileFsDeviceInformation(7, 0));
        for (FsInformation fs : all) {
            assertThat(FsInformation.supports(fs.infoClass())).isTrue();
            FsInformation back = Bufs.decode(Bufs.encode(fs::encode), in -> FsInformation.decode(fs.infoClass(), in));
            assertThat(back).isEqualTo(fs);
        }
        assertThat(FsInformation.supports(FsInformationClass.FILE_FS_CONTROL_INFORMATION)).isFalse();
        assertThatThrownBy(() -> Bufs.decode(new byte[8], in -> FsInformation.decode(FsInformationClass.FILE_FS_LABEL_INFORMATION, in)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void labelLengthPastTheEndIsRejected() {
        byte[] spec = LeBytes.of().u64(T1).u32(1).u32(100).u8(0).u8(0).utf16("x").toArray();
        assertThatThrownBy(() -> Bufs.decode(spec, FileFsVolumeInformation::decode))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("VolumeLabelLength");
    }
}
