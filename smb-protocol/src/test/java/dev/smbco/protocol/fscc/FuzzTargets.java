package dev.smbco.protocol.fscc;

import static dev.smbco.protocol.fscc.FileInformationTest.NON_BMP;
import static dev.smbco.protocol.fscc.FileInformationTest.T1;
import static dev.smbco.protocol.fscc.FileInformationTest.T2;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.dtyp.AccessAce;
import dev.smbco.protocol.dtyp.AccessMask;
import dev.smbco.protocol.dtyp.Ace;
import dev.smbco.protocol.dtyp.AceFlags;
import dev.smbco.protocol.dtyp.Acl;
import dev.smbco.protocol.dtyp.RawAce;
import dev.smbco.protocol.dtyp.SecurityDescriptor;
import dev.smbco.protocol.dtyp.Sid;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every decoder of {@code dev.smbco.protocol.fscc} and {@code dev.smbco.protocol.dtyp}, each with
 * valid encoded samples to truncate and mutate, and the one check the fuzz tests make: decoding
 * any input either succeeds or throws {@link SmbDecodeException}, nothing else.
 */
final class FuzzTargets {
    record Target(String name, Function<ByteBuf, ?> decoder, List<byte[]> samples) {
    }

    private FuzzTargets() {
    }

    static final List<Target> ALL = build();

    private static List<Target> build() {
        List<Target> t = new ArrayList<>();
        FileBasicInformation basic = FileInformationTest.basic();
        add(t, "FileBasicInformation", FileBasicInformation::decode, basic::encode);
        add(t, "FileStandardInformation", FileStandardInformation::decode, FileInformationTest.standard()::encode);
        add(t, "FileInternalInformation", FileInternalInformation::decode, new FileInternalInformation(9)::encode);
        add(t, "FileEaInformation", FileEaInformation::decode, new FileEaInformation(9)::encode);
        add(t, "FileAccessInformation", FileAccessInformation::decode, new FileAccessInformation(1)::encode);
        add(t, "FilePositionInformation", FilePositionInformation::decode, new FilePositionInformation(9)::encode);
        add(t, "FileModeInformation", FileModeInformation::decode, new FileModeInformation(2)::encode);
        add(t, "FileAlignmentInformation", FileAlignmentInformation::decode, new FileAlignmentInformation(1)::encode);
        add(t, "FileAllInformation", FileAllInformation::decode, FileInformationTest.all(NON_BMP)::encode,
                FileInformationTest.all("")::encode);
        add(t, "FileNetworkOpenInformation", FileNetworkOpenInformation::decode,
                new FileNetworkOpenInformation(T1, T2, T1, T2, 1, 2, 0x20)::encode);
        add(t, "FileAttributeTagInformation", FileAttributeTagInformation::decode,
                new FileAttributeTagInformation(1, 2)::encode);
        add(t, "FileRenameInformation", FileRenameInformation::decode, FileRenameInformation.of(NON_BMP, true)::encode,
                FileRenameInformation.of("x", false)::encode);
        add(t, "FileLinkInformation", FileLinkInformation::decode, FileLinkInformation.of("a\\b", false)::encode);
        add(t, "FileDispositionInformation", FileDispositionInformation::decode, FileDispositionInformation.DELETE::encode);
        add(t, "FileDispositionInformationEx", FileDispositionInformationEx::decode,
                new FileDispositionInformationEx(3)::encode);
        add(t, "FileEndOfFileInformation", FileEndOfFileInformation::decode, new FileEndOfFileInformation(5)::encode);
        add(t, "FileAllocationInformation", FileAllocationInformation::decode, new FileAllocationInformation(5)::encode);
        add(t, "FileNameInformation", FileNameInformation::decode, new FileNameInformation(NON_BMP)::encode);

        List<FileStreamInformation> streams = List.of(new FileStreamInformation(1, 8, "::$DATA"),
                new FileStreamInformation(2, 8, ":" + NON_BMP + ":$DATA"));
        add(t, "FileStreamInformation", FileStreamInformation::decode, streams.get(1)::encode);
        add(t, "FileStreamInformation list", FileStreamInformation::decodeList,
                out -> FileStreamInformation.encodeList(out, streams));

        List<List<? extends DirectoryEntry>> listings = List.of(
                List.of(new FileDirectoryInformation(1, T1, T2, T1, T2, 10, 4096, 0x20, "a"),
                        new FileDirectoryInformation(2, T1, T2, T1, T2, 0, 0, 0x10, NON_BMP)),
                List.of(new FileFullDirectoryInformation(1, T1, T2, T1, T2, 10, 4096, 0x20, 5, "abc"),
                        new FileFullDirectoryInformation(3, T1, T2, T1, T2, 10, 4096, 0x20, 0, NON_BMP)),
                List.of(DirectoryListingTest.both(0, 0, 0x10, "", "."), DirectoryListingTest.both(0, 0, 0x10, "", ".."),
                        DirectoryListingTest.both(7, 1, 0x80, "A~1.TXT", NON_BMP)),
                List.of(new FileIdBothDirectoryInformation(0, T1, T2, T1, T2, 9, 4096, 0x20, 0, "ABCDEFGH.TXT", 42, NON_BMP),
                        new FileIdBothDirectoryInformation(0, T1, T2, T1, T2, 9, 4096, 0x20, 0, "", -1, "z")),
                List.of(new FileIdFullDirectoryInformation(0, T1, T2, T1, T2, 9, 4096, 0x20, 0, 1L << 60, NON_BMP),
                        new FileIdFullDirectoryInformation(0, T1, T2, T1, T2, 9, 4096, 0x20, 0, 5, "q")),
                List.of(new FileNamesInformation(0, "."), new FileNamesInformation(1, NON_BMP)));
        for (List<? extends DirectoryEntry> listing : listings) {
            FileInformationClass c = listing.get(0).infoClass();
            String name = listing.get(0).getClass().getSimpleName();
            Function<ByteBuf, ?> single = switch (c) {
                case FILE_DIRECTORY_INFORMATION -> FileDirectoryInformation::decode;
                case FILE_FULL_DIRECTORY_INFORMATION -> FileFullDirectoryInformation::decode;
                case FILE_BOTH_DIRECTORY_INFORMATION -> FileBothDirectoryInformation::decode;
                case FILE_ID_BOTH_DIRECTORY_INFORMATION -> FileIdBothDirectoryInformation::decode;
                case FILE_ID_FULL_DIRECTORY_INFORMATION -> FileIdFullDirectoryInformation::decode;
                case FILE_NAMES_INFORMATION -> FileNamesInformation::decode;
                default -> throw new IllegalStateException(c.toString());
            };
            add(t, name, single, listing.get(listing.size() - 1)::encode);
            add(t, name + " listing", in -> DirectoryListing.decode(c, in), out -> DirectoryListing.encode(out, listing));
        }

        add(t, "FileFsVolumeInformation", FileFsVolumeInformation::decode,
                new FileFsVolumeInformation(T1, 7, true, "vol")::encode);
        add(t, "FileFsSizeInformation", FileFsSizeInformation::decode, new FileFsSizeInformation(9, 8, 7, 512)::encode);
        add(t, "FileFsFullSizeInformation", FileFsFullSizeInformation::decode,
                new FileFsFullSizeInformation(9, 8, 7, 6, 512)::encode);
        add(t, "FileFsAttributeInformation", FileFsAttributeInformation::decode,
                new FileFsAttributeInformation(0x4_0007, 255, "NTFS")::encode);
        add(t, "FileFsDeviceInformation", FileFsDeviceInformation::decode, new FileFsDeviceInformation(7, 0x20)::encode);

        List<FileNotifyInformation> changes = List.of(new FileNotifyInformation(NotifyAction.FILE_ACTION_ADDED, "a"),
                new FileNotifyInformation(NotifyAction.FILE_ACTION_RENAMED_NEW_NAME, NON_BMP));
        add(t, "FILE_NOTIFY_INFORMATION", FileNotifyInformation::decode, changes.get(1)::encode);
        add(t, "FILE_NOTIFY_INFORMATION list", FileNotifyInformation::decodeList,
                out -> FileNotifyInformation.encodeList(out, changes));

        add(t, "FileInformation.decode(class, ...)", in -> {
            for (FileInformationClass c : FileInformationClass.values()) {
                if (FileInformation.supports(c)) {
                    try {
                        FileInformation.decode(c, in.duplicate());
                    } catch (SmbDecodeException expected) {
                        // try the next class on the same bytes
                    }
                }
            }
            for (FsInformationClass c : FsInformationClass.values()) {
                if (FsInformation.supports(c)) {
                    try {
                        FsInformation.decode(c, in.duplicate());
                    } catch (SmbDecodeException expected) {
                        // try the next class on the same bytes
                    }
                }
            }
            return null;
        }, FileInformationTest.all("name")::encode, FileRenameInformation.of("n", true)::encode);

        Sid domain = Sid.parse("S-1-5-21-1004336348-1177238915-682003330-500");
        Acl dacl = Acl.of(AccessAce.allow(Sid.EVERYONE, AccessMask.FILE_GENERIC_READ, AceFlags.CONTAINER_INHERIT_ACE),
                new RawAce(0x11, 0, new byte[] {1, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 16, 0, 0x30, 0, 0}),
                AccessAce.deny(domain, AccessMask.DELETE, 0));
        add(t, "SID", Sid::decode, domain::encode, Sid.EVERYONE::encode);
        add(t, "ACE", Ace::decode, dacl.aces().get(0)::encode, dacl.aces().get(1)::encode);
        add(t, "ACL", Acl::decode, dacl::encode);
        SecurityDescriptor sd = new SecurityDescriptor(SecurityDescriptor.SE_DACL_PRESENT | SecurityDescriptor.SE_SACL_PRESENT,
                domain, Sid.BUILTIN_USERS, Acl.of(), dacl);
        add(t, "SECURITY_DESCRIPTOR", SecurityDescriptor::decode, sd::encode,
                SecurityDescriptor.of(Sid.LOCAL_SYSTEM, null, null)::encode);
        return List.copyOf(t);
    }

    @SafeVarargs
    private static void add(List<Target> t, String name, Function<ByteBuf, ?> decoder, Consumer<ByteBuf>... samples) {
        List<byte[]> bytes = new ArrayList<>();
        for (Consumer<ByteBuf> s : samples) {
            bytes.add(Bufs.encode(s));
        }
        t.add(new Target(name, decoder, List.copyOf(bytes)));
    }

    /**
     * Decodes {@code input} with {@code target}; fails the test unless that succeeds or throws
     * SmbDecodeException. With {@code windowed}, the input sits in the middle of a larger buffer
     * (garbage before the reader index and after the writer index), as inside a real frame.
     */
    static void check(Target target, byte[] input, boolean windowed, AtomicLong counter) {
        ByteBuf buf;
        if (windowed) {
            buf = Unpooled.buffer(input.length + 24);
            buf.writeBytes(new byte[] {(byte) 0xEE, (byte) 0xEE, (byte) 0xEE, (byte) 0xEE, 0x7F, 0x7F, 0x7F});
            buf.readerIndex(buf.writerIndex());
            buf.writeBytes(input);
            buf.setBytes(buf.writerIndex(), new byte[buf.capacity() - buf.writerIndex()]);
        } else {
            buf = Unpooled.wrappedBuffer(input);
        }
        try {
            target.decoder().apply(buf);
        } catch (SmbDecodeException expected) {
            // the one allowed failure
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError(target.name() + " threw " + e + " on " + ByteBufUtil.hexDump(input), e);
        } finally {
            buf.release();
        }
        counter.incrementAndGet();
    }
}
