package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.42.2 FileRenameInformation for SMB2 (FILE_RENAME_INFORMATION_TYPE_2): renames or
 * moves the open file. The encoded form is padded with zeros to at least 24 bytes.
 *
 * @param replaceIfExists ReplaceIfExists (1 byte): replace an existing target instead of failing
 * @param rootDirectory   RootDirectory (8 bytes): must be 0 for network operations
 * @param fileName        FileNameLength (4 bytes) + FileName (variable): the new path relative to
 *                        the share root, with backslashes and no leading backslash
 */
public record FileRenameInformation(boolean replaceIfExists, long rootDirectory, String fileName)
        implements FileInformation {
    public FileRenameInformation {
        Codec.name(fileName, "fileName");
    }

    /** A network rename (RootDirectory 0). */
    public static FileRenameInformation of(String newPath, boolean replaceIfExists) {
        return new FileRenameInformation(replaceIfExists, 0, newPath);
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_RENAME_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        RenameLayout.encode(out, replaceIfExists, rootDirectory, fileName);
    }

    public static FileRenameInformation decode(ByteBuf in) {
        RenameLayout.Fields f = RenameLayout.decode(in, "FileRenameInformation");
        return new FileRenameInformation(f.replaceIfExists(), f.rootDirectory(), f.fileName());
    }
}
