package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * MS-FSCC 2.4.47 FileStreamInformation (FILE_STREAM_INFORMATION): one data stream of a file;
 * the query returns a NextEntryOffset-linked list, entries 8-byte aligned. Stream names have the
 * form {@code ":name:$DATA"} ({@code "::$DATA"} for the unnamed default stream).
 *
 * @param streamSize           StreamSize (8 bytes): the stream's size in bytes
 * @param streamAllocationSize StreamAllocationSize (8 bytes)
 * @param streamName           StreamNameLength (4 bytes) + StreamName (variable, UTF-16LE)
 */
public record FileStreamInformation(long streamSize, long streamAllocationSize, String streamName)
        implements FileInformation {
    /** NextEntryOffset, StreamNameLength, StreamSize, StreamAllocationSize. */
    public static final int FIXED_SIZE = 24;
    /** Entry alignment in a list. */
    public static final int ALIGNMENT = 8;
    private static final String NAME = "FileStreamInformation";

    public FileStreamInformation {
        Codec.name(streamName, "streamName");
    }

    @Override
    public FileInformationClass infoClass() {
        return FileInformationClass.FILE_STREAM_INFORMATION;
    }

    /** Writes one entry with NextEntryOffset 0. */
    @Override
    public void encode(ByteBuf out) {
        out.writeIntLE(0);                             // NextEntryOffset (4 bytes): patched by encodeList
        out.writeIntLE(Codec.utf16Length(streamName)); // StreamNameLength (4 bytes)
        out.writeLongLE(streamSize);                   // StreamSize (8 bytes)
        out.writeLongLE(streamAllocationSize);         // StreamAllocationSize (8 bytes)
        Codec.writeUtf16(out, streamName);             // StreamName (variable)
    }

    /** Decodes one entry (its NextEntryOffset is not followed). */
    public static FileStreamInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        in.skipBytes(4);                                                          // NextEntryOffset (4 bytes)
        long nameLength = in.readUnsignedIntLE();                                 // StreamNameLength (4 bytes)
        long size = in.readLongLE();                                              // StreamSize (8 bytes)
        long allocation = in.readLongLE();                                        // StreamAllocationSize (8 bytes)
        String name = Codec.readUtf16(in, nameLength, NAME, "StreamNameLength"); // StreamName (variable)
        return new FileStreamInformation(size, allocation, name);
    }

    /** Decodes the whole NextEntryOffset-linked list filling the readable bytes. */
    public static List<FileStreamInformation> decodeList(ByteBuf in) {
        return EntryChain.decode(in, NAME, FIXED_SIZE, FileStreamInformation::decode);
    }

    /** Encodes a list: 8-byte aligned, NextEntryOffset patched, no padding after the last entry. */
    public static void encodeList(ByteBuf out, List<FileStreamInformation> streams) {
        EntryChain.<FileStreamInformation>encode(out, streams, ALIGNMENT, FileStreamInformation::encode);
    }
}
