package dev.smbco.nio;

import java.io.IOException;
import java.nio.file.attribute.DosFileAttributeView;

/**
 * The {@code "smb"} attribute view: the DOS view plus the server's file id, allocation size, change
 * time and raw attribute bits ({@link SmbFileAttributes}). By name, {@code Files.readAttributes(p,
 * "smb:*")} gives the basic and dos attributes and {@code fileId}, {@code allocationSize},
 * {@code changeTime} and {@code attributes}.
 */
public interface SmbFileAttributeView extends DosFileAttributeView {
    /** The view's name, {@value}: the prefix of its attributes in {@code Files.readAttributes(p, "smb:*")}. */
    String NAME = "smb";

    /** Reads the attributes and the file id (one open, one QUERY_INFO, one close). */
    @Override
    SmbFileAttributes readAttributes() throws IOException;
}
