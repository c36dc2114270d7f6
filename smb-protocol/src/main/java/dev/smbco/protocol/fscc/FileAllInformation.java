package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.Objects;

/**
 * MS-FSCC 2.4.2 FileAllInformation (FILE_ALL_INFORMATION): the basic, standard, internal, EA,
 * access, position, mode, alignment and name information of a file in one query.
 *
 * @param basic     BasicInformation (40 bytes)
 * @param standard  StandardInformation (24 bytes)
 * @param internal  InternalInformation (8 bytes)
 * @param ea        EaInformation (4 bytes)
 * @param access    AccessInformation (4 bytes)
 * @param position  PositionInformation (8 bytes)
 * @param mode      ModeInformation (4 bytes)
 * @param alignment AlignmentInformation (4 bytes)
 * @param fileName  NameInformation: FileNameLength (4 bytes) and FileName (variable, UTF-16LE)
 */
public record FileAllInformation(FileBasicInformation basic, FileStandardInformation standard,
                                 FileInternalInformation internal, FileEaInformation ea, FileAccessInformation access,
                                 FilePositionInformation position, FileModeInformation mode,
                                 FileAlignmentInformation alignment, String fileName) implements FileInformation {
    /** Size of everything before FileName. */
    public static final int FIXED_SIZE = 100;
    private static final String NAME = "FileAllInformation";

    public FileAllInformation {
        Objects.requireNonNull(basic, "basic");
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(internal, "internal");
        Objects.requireNonNull(ea, "ea");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(alignment, "alignment");
        Codec.name(fileName, "fileName");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_ALL_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        basic.encode(out);                           // BasicInformation (40 bytes)
        standard.encode(out);                        // StandardInformation (24 bytes)
        internal.encode(out);                        // InternalInformation (8 bytes)
        ea.encode(out);                              // EaInformation (4 bytes)
        access.encode(out);                          // AccessInformation (4 bytes)
        position.encode(out);                        // PositionInformation (8 bytes)
        mode.encode(out);                            // ModeInformation (4 bytes)
        alignment.encode(out);                       // AlignmentInformation (4 bytes)
        out.writeIntLE(Codec.utf16Length(fileName)); // NameInformation.FileNameLength (4 bytes)
        Codec.writeUtf16(out, fileName);             // NameInformation.FileName (variable)
    }

    public static FileAllInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        FileBasicInformation basic = FileBasicInformation.decode(in);
        FileStandardInformation standard = FileStandardInformation.decode(in);
        FileInternalInformation internal = FileInternalInformation.decode(in);
        FileEaInformation ea = FileEaInformation.decode(in);
        FileAccessInformation access = FileAccessInformation.decode(in);
        FilePositionInformation position = FilePositionInformation.decode(in);
        FileModeInformation mode = FileModeInformation.decode(in);
        FileAlignmentInformation alignment = FileAlignmentInformation.decode(in);
        long nameLength = in.readUnsignedIntLE();                                // FileNameLength (4 bytes)
        String name = Codec.readUtf16(in, nameLength, NAME, "FileNameLength"); // FileName (variable)
        return new FileAllInformation(basic, standard, internal, ea, access, position, mode, alignment, name);
    }
}
