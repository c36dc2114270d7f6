package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * An MS-FSCC 2.5 file system information structure. Each implementation also has a static
 * {@code decode(ByteBuf)}.
 */
public interface FsInformation {
    /** The file system information class this structure belongs to. */
    FsInformationClass infoClass();

    /** Appends the structure at the writer index of {@code out}. */
    void encode(ByteBuf out);
}
