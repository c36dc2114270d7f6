package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.35 SMB2 CHANGE_NOTIFY Request.
 *
 * @param flags              Flags (2 bytes): {@link #WATCH_TREE}
 * @param outputBufferLength OutputBufferLength (4 bytes)
 * @param fileId             FileId (16 bytes): an open directory
 * @param completionFilter   CompletionFilter (4 bytes): FILE_NOTIFY_CHANGE_* bits
 */
public record ChangeNotifyRequest(int flags, int outputBufferLength, FileId fileId, int completionFilter) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 32;
    /** SMB2_WATCH_TREE. */
    public static final int WATCH_TREE = 0x0001;
    public static final int FILE_NOTIFY_CHANGE_FILE_NAME = 0x00000001;
    public static final int FILE_NOTIFY_CHANGE_DIR_NAME = 0x00000002;
    public static final int FILE_NOTIFY_CHANGE_ATTRIBUTES = 0x00000004;
    public static final int FILE_NOTIFY_CHANGE_SIZE = 0x00000008;
    public static final int FILE_NOTIFY_CHANGE_LAST_WRITE = 0x00000010;
    public static final int FILE_NOTIFY_CHANGE_LAST_ACCESS = 0x00000020;
    public static final int FILE_NOTIFY_CHANGE_CREATION = 0x00000040;
    public static final int FILE_NOTIFY_CHANGE_EA = 0x00000080;
    public static final int FILE_NOTIFY_CHANGE_SECURITY = 0x00000100;
    public static final int FILE_NOTIFY_CHANGE_STREAM_NAME = 0x00000200;
    public static final int FILE_NOTIFY_CHANGE_STREAM_SIZE = 0x00000400;
    public static final int FILE_NOTIFY_CHANGE_STREAM_WRITE = 0x00000800;
    private static final String NAME = "CHANGE_NOTIFY request";

    @Override
    public Command command() {
        return Command.CHANGE_NOTIFY;
    }

    @Override
    public long creditPayloadSize() {
        return Integer.toUnsignedLong(outputBufferLength);
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(flags);                // Flags (2 bytes)
        out.writeIntLE(outputBufferLength);     // OutputBufferLength (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        out.writeIntLE(completionFilter);       // CompletionFilter (4 bytes)
        out.writeIntLE(0);                      // Reserved (4 bytes)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static ChangeNotifyRequest decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        int flags = in.readUnsignedShortLE();
        int length = in.readIntLE();
        FileId fileId = FileId.decode(in);
        int filter = in.readIntLE();
        in.skipBytes(4);
        return new ChangeNotifyRequest(flags, length, fileId, filter);
    }
}
