package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;

/**
 * An MS-FSCC 2.4 file information structure: it knows its information class and how to encode
 * itself (the SET_INFO input buffer, or one entry of a listing). Each implementation also has a
 * static {@code decode(ByteBuf)}.
 */
public interface FileInformation {
    /** The FileInformationClass this structure belongs to. */
    FileInformationClass infoClass();

    /** Appends the structure at the writer index of {@code out}. */
    void encode(ByteBuf out);
}
