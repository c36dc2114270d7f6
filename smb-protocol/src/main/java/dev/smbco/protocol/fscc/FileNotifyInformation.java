package dev.smbco.protocol.fscc;

import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;

/**
 * MS-FSCC 2.7.1 FILE_NOTIFY_INFORMATION: one change reported by SMB2 CHANGE_NOTIFY. The response
 * carries a NextEntryOffset-linked list whose entries start on 4-byte boundaries.
 *
 * @param action   Action (4 bytes): a {@link NotifyAction} value (unknown values are kept as they are)
 * @param fileName FileNameLength (4 bytes) + FileName (variable, UTF-16LE): path relative to the watched directory
 */
public record FileNotifyInformation(int action, String fileName) {
    /** NextEntryOffset, Action, FileNameLength. */
    public static final int FIXED_SIZE = 12;
    /** Entry alignment in a list. */
    public static final int ALIGNMENT = 4;
    private static final String NAME = "FILE_NOTIFY_INFORMATION";

    public FileNotifyInformation {
        Codec.name(fileName, "fileName");
    }

    public FileNotifyInformation(NotifyAction action, String fileName) {
        this(action.value(), fileName);
    }

    /** The action, if it is one the specification defines. */
    public Optional<NotifyAction> knownAction() {
        return NotifyAction.fromValue(action);
    }

    /** Writes one entry with NextEntryOffset 0. */
    public void encode(ByteBuf out) {
        out.writeIntLE(0);                           // NextEntryOffset (4 bytes): patched by encodeList
        out.writeIntLE(action);                      // Action (4 bytes)
        out.writeIntLE(Codec.utf16Length(fileName)); // FileNameLength (4 bytes)
        Codec.writeUtf16(out, fileName);             // FileName (variable)
    }

    /** Decodes one entry (its NextEntryOffset is not followed). */
    public static FileNotifyInformation decode(ByteBuf in) {
        Codec.require(in, FIXED_SIZE, NAME, "fixed part");
        in.skipBytes(4);                                                      // NextEntryOffset (4 bytes)
        int action = in.readIntLE();                                          // Action (4 bytes)
        long nameLength = in.readUnsignedIntLE();                             // FileNameLength (4 bytes)
        String name = Codec.readUtf16(in, nameLength, NAME, "FileNameLength"); // FileName (variable)
        return new FileNotifyInformation(action, name);
    }

    /** Decodes the whole list filling the readable bytes (an empty buffer is an empty list). */
    public static List<FileNotifyInformation> decodeList(ByteBuf in) {
        return EntryChain.decode(in, NAME, FIXED_SIZE, FileNotifyInformation::decode);
    }

    /** Encodes a list: 4-byte aligned, NextEntryOffset patched, no padding after the last entry. */
    public static void encodeList(ByteBuf out, List<FileNotifyInformation> changes) {
        EntryChain.<FileNotifyInformation>encode(out, changes, ALIGNMENT, FileNotifyInformation::encode);
    }

    @Override
    public String toString() {
        return knownAction().map(Enum::name).orElse(String.format("0x%08X", action)) + " " + fileName;
    }
}
