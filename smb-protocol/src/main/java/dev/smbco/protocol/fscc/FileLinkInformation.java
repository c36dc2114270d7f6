package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.4.27.2 FileLinkInformation for SMB2 (FILE_LINK_INFORMATION_TYPE_2): creates a hard
 * link to the open file. Same layout as {@link FileRenameInformation}; padded to at least 24 bytes.
 *
 * @param replaceIfExists ReplaceIfExists (1 byte): replace an existing file of that name
 * @param rootDirectory   RootDirectory (8 bytes): must be 0 for network operations
 * @param fileName        FileNameLength (4 bytes) + FileName (variable): the link's path from the share root
 */
public record FileLinkInformation(boolean replaceIfExists, long rootDirectory, String fileName)
        implements FileInformation {
    public FileLinkInformation {
        Codec.name(fileName, "fileName");
    }

    /** A network link (RootDirectory 0). */
    public static FileLinkInformation of(String linkPath, boolean replaceIfExists) {
        return new FileLinkInformation(replaceIfExists, 0, linkPath);
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_LINK_INFORMATION;
    }

    @Override
    public void encode(ByteBuf out) {
        RenameLayout.encode(out, replaceIfExists, rootDirectory, fileName);
    }

    public static FileLinkInformation decode(ByteBuf in) {
        RenameLayout.Fields f = RenameLayout.decode(in, "FileLinkInformation");
        return new FileLinkInformation(f.replaceIfExists(), f.rootDirectory(), f.fileName());
    }
}
