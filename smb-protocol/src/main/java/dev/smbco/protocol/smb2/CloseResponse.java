package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.16 SMB2 CLOSE Response. The attribute fields are valid only when the response
 * {@code flags} has {@link CloseRequest#POSTQUERY_ATTRIB}; otherwise they are zero.
 *
 * @param flags          Flags (2 bytes)
 * @param creationTime   CreationTime (8 bytes, FILETIME)
 * @param lastAccessTime LastAccessTime (8 bytes, FILETIME)
 * @param lastWriteTime  LastWriteTime (8 bytes, FILETIME)
 * @param changeTime     ChangeTime (8 bytes, FILETIME)
 * @param allocationSize AllocationSize (8 bytes)
 * @param endOfFile      EndofFile (8 bytes)
 * @param fileAttributes FileAttributes (4 bytes), {@link FileAttributes}
 */
public record CloseResponse(int flags, long creationTime, long lastAccessTime, long lastWriteTime, long changeTime,
                            long allocationSize, long endOfFile, int fileAttributes) implements Smb2Response {
    public static final int STRUCTURE_SIZE = 60;
    private static final String NAME = "CLOSE response";

    @Override
    public Command command() {
        return Command.CLOSE;
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(flags);                // Flags (2 bytes)
        out.writeIntLE(0);                      // Reserved (4 bytes)
        out.writeLongLE(creationTime);          // CreationTime (8 bytes)
        out.writeLongLE(lastAccessTime);        // LastAccessTime (8 bytes)
        out.writeLongLE(lastWriteTime);         // LastWriteTime (8 bytes)
        out.writeLongLE(changeTime);            // ChangeTime (8 bytes)
        out.writeLongLE(allocationSize);        // AllocationSize (8 bytes)
        out.writeLongLE(endOfFile);             // EndofFile (8 bytes)
        out.writeIntLE(fileAttributes);         // FileAttributes (4 bytes)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}). */
    public static CloseResponse decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        int flags = in.readUnsignedShortLE();
        in.skipBytes(4);
        return new CloseResponse(flags, in.readLongLE(), in.readLongLE(), in.readLongLE(), in.readLongLE(),
                in.readLongLE(), in.readLongLE(), in.readIntLE());
    }
}
