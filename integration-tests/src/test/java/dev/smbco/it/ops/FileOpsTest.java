package dev.smbco.it.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.FsInfo;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.protocol.dtyp.AccessAce;
import dev.smbco.protocol.dtyp.Acl;
import dev.smbco.protocol.dtyp.Ace;
import dev.smbco.protocol.dtyp.SecurityDescriptor;
import dev.smbco.protocol.dtyp.SecurityInformation;
import dev.smbco.protocol.dtyp.Sid;
import dev.smbco.protocol.fscc.FileStreamInformation;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.FileAttributes;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** End of file, sparse flag, hard links, file-system info, security descriptors, alternate data streams. */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class FileOpsTest {

    private static String readAll(SmbFile f) {
        ByteBuf b = f.read(0, 1 << 16);
        try {
            return b.toString(StandardCharsets.UTF_8);
        } finally {
            b.release();
        }
    }

    @Test
    void setLengthTruncatesAndExtendsAndTheSparseFlagSticks(SambaServer server) {
        try (Ops ops = Ops.open(server)) {
            String name = Ops.unique("eof") + ".bin";
            try (SmbFile f = ops.tree.open(name, OpenOptions.write())) {
                f.write(0, "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
                f.setLength(10);
                assertThat(ops.tree.stat(name).size()).isEqualTo(10);
                assertThat(readAll(f)).isEqualTo("0123456789");
                f.setSparse(true);
                f.setLength(64L * 1024 * 1024);
                assertThat(ops.tree.stat(name).size()).isEqualTo(64L * 1024 * 1024);
                assertThat(ops.tree.stat(name).attributes() & FileAttributes.SPARSE_FILE).isNotZero();
                f.setSparse(false);
                assertThat(ops.tree.stat(name).attributes() & FileAttributes.SPARSE_FILE).isZero();
            }
            ops.tree.delete(name);
        }
    }

    @Test
    void aHardLinkSharesTheData(SambaServer server) {
        try (Ops ops = Ops.open(server)) {
            String name = Ops.unique("link");
            try (SmbFile f = ops.tree.open(name + ".txt", OpenOptions.write())) {
                f.write(0, "linked".getBytes(StandardCharsets.UTF_8));
                f.hardLink(name + "-2.txt", false);
            }
            try (SmbFile f = ops.tree.open(name + "-2.txt", OpenOptions.readWrite())) {
                assertThat(readAll(f)).isEqualTo("linked");
                f.write(0, "LINKED".getBytes(StandardCharsets.UTF_8));
            }
            try (SmbFile f = ops.tree.open(name + ".txt", OpenOptions.read())) {
                assertThat(readAll(f)).isEqualTo("LINKED"); // one file, two names
            }
            ops.tree.delete(name + ".txt");
            ops.tree.delete(name + "-2.txt");
        }
    }

    @Test
    void fileSystemSizeAndVolumeInformation(SambaServer server) {
        try (Ops ops = Ops.open(server); SmbFile root = ops.tree.open("", OpenOptions.directory())) {
            FsInfo info = root.fsInfo();
            System.out.println("fs info of " + ops.tree.unc() + ": " + info);
            assertThat(info.totalBytes()).isPositive();
            assertThat(info.bytesPerUnit()).isPositive();
            assertThat(info.actualAvailableBytes()).isBetween(0L, info.totalBytes());
            assertThat(info.callerAvailableBytes()).isBetween(0L, info.totalBytes());
            assertThat(info.volumeLabel()).isNotNull();
        }
    }

    @Test
    void securityDescriptorsAreReadAndWritten(SambaServer server) {
        try (Ops ops = Ops.open(server)) {
            String name = Ops.unique("sd") + ".txt";
            ops.tree.open(name, OpenOptions.write()).close();
            OpenOptions acl = OpenOptions.readAttributes()
                    .withAccess(AccessMask.READ_CONTROL | AccessMask.WRITE_DAC | AccessMask.FILE_READ_ATTRIBUTES);
            try (SmbFile f = ops.tree.open(name, acl)) {
                SecurityDescriptor sd = f.security(SecurityInformation.OWNER_GROUP_DACL);
                System.out.println("security descriptor of " + name + ": " + sd.toText());
                assertThat(sd.owner()).isNotNull();
                assertThat(sd.group()).isNotNull();
                assertThat(sd.dacl()).isNotNull();
                assertThat(sd.toText()).contains(sd.owner().toString());

                // take Everyone's access away (Samba keeps it as the POSIX "other" permissions)
                assertThat(sd.dacl().aces()).anySatisfy(a -> assertThat(isEveryoneReading(a)).isTrue());
                List<Ace> aces = new ArrayList<>(sd.dacl().aces());
                aces.removeIf(a -> a instanceof AccessAce x && x.sid().equals(Sid.EVERYONE));
                f.setSecurity(SecurityDescriptor.of(null, null, new Acl(sd.dacl().revision(), aces)),
                        SecurityInformation.DACL_SECURITY_INFORMATION);
                SecurityDescriptor after = f.security(SecurityInformation.OWNER_GROUP_DACL);
                System.out.println("after revoking Everyone: " + after.toText());
                assertThat(after.dacl().aces()).noneSatisfy(a -> assertThat(isEveryoneReading(a)).isTrue());

                // and give it back
                aces.add(AccessAce.allow(Sid.EVERYONE, AccessMask.FILE_READ_DATA | AccessMask.FILE_READ_ATTRIBUTES | AccessMask.READ_CONTROL, 0));
                f.setSecurity(SecurityDescriptor.of(null, null, new Acl(sd.dacl().revision(), aces)),
                        SecurityInformation.DACL_SECURITY_INFORMATION);
                after = f.security(SecurityInformation.OWNER_GROUP_DACL);
                assertThat(after.dacl().aces()).anySatisfy(a -> assertThat(isEveryoneReading(a)).isTrue());
                assertThat(after.owner()).isEqualTo(sd.owner());
            }
            ops.tree.delete(name);
        }
    }

    private static boolean isEveryoneReading(Ace a) {
        return a instanceof AccessAce x && x.aceType() == dev.smbco.protocol.dtyp.AceType.ACCESS_ALLOWED
                && x.sid().equals(Sid.EVERYONE) && (x.mask() & AccessMask.FILE_READ_DATA) != 0;
    }

    @Test
    void alternateDataStreamsAreListedAndOpened(SambaServer server) {
        try (Ops ops = Ops.open(server)) {
            String name = Ops.unique("ads") + ".txt";
            try (SmbFile f = ops.tree.open(name, OpenOptions.write())) {
                f.write(0, "main".getBytes(StandardCharsets.UTF_8));
            }
            try (SmbFile s = ops.tree.open(name + ":notes", OpenOptions.write())) {
                s.write(0, "side note".getBytes(StandardCharsets.UTF_8));
            }
            try (SmbFile f = ops.tree.open(name, OpenOptions.read())) {
                List<FileStreamInformation> streams = f.streams();
                assertThat(streams).extracting(FileStreamInformation::streamName).contains("::$DATA", ":notes:$DATA");
                assertThat(streams).filteredOn(s -> s.streamName().equals(":notes:$DATA"))
                        .singleElement().extracting(FileStreamInformation::streamSize).isEqualTo(9L);
                assertThat(readAll(f)).isEqualTo("main");
            }
            try (SmbFile s = ops.tree.open(name + ":notes:$DATA", OpenOptions.read())) {
                assertThat(readAll(s)).isEqualTo("side note");
            }
            ops.tree.delete(name);
        }
    }
}
