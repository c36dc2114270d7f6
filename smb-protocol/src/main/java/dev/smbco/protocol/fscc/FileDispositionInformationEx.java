package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.StringJoiner;

/**
 * MS-FSCC 2.4.12 FileDispositionInformationEx (FILE_DISPOSITION_INFORMATION_EX): delete
 * disposition with flags, e.g. POSIX semantics (the name goes away at once) or ignoring the
 * read-only attribute.
 *
 * @param flags Flags (4 bytes): the {@code FILE_DISPOSITION_*} bits below
 */
public record FileDispositionInformationEx(int flags) implements FileInformation {
    public static final int SIZE = 4;
    public static final int FILE_DISPOSITION_DO_NOT_DELETE = 0x0000_0000;
    public static final int FILE_DISPOSITION_DELETE = 0x0000_0001;
    public static final int FILE_DISPOSITION_POSIX_SEMANTICS = 0x0000_0002;
    public static final int FILE_DISPOSITION_FORCE_IMAGE_SECTION_CHECK = 0x0000_0004;
    public static final int FILE_DISPOSITION_ON_CLOSE = 0x0000_0008;
    public static final int FILE_DISPOSITION_IGNORE_READONLY_ATTRIBUTE = 0x0000_0010;

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_DISPOSITION_INFORMATION_EX;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(flags); // Flags (4 bytes)
    }

    public static FileDispositionInformationEx decode(ByteBuf in) {
        Codec.require(in, SIZE, "FileDispositionInformationEx", "Flags");
        return new FileDispositionInformationEx(in.readIntLE()); // Flags (4 bytes)
    }

    @Override
    public String toString() {
        StringJoiner j = new StringJoiner("|", "FileDispositionInformationEx[", "]");
        j.setEmptyValue("FileDispositionInformationEx[DO_NOT_DELETE]");
        String[] names = {"DELETE", "POSIX_SEMANTICS", "FORCE_IMAGE_SECTION_CHECK", "ON_CLOSE", "IGNORE_READONLY_ATTRIBUTE"};
        for (int i = 0; i < names.length; i++) {
            if ((flags & (1 << i)) != 0) {
                j.add(names[i]);
            }
        }
        if ((flags & ~0x1F) != 0) {
            j.add(String.format("0x%08X", flags & ~0x1F));
        }
        return j.toString();
    }
}
