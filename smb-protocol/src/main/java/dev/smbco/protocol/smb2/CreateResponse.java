package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;

/**
 * MS-SMB2 2.2.14 SMB2 CREATE Response.
 *
 * @param oplockLevel    OplockLevel (1 byte), {@link OplockLevel}
 * @param flags          Flags (1 byte): {@link #FLAG_REPARSEPOINT}
 * @param createAction   CreateAction (4 bytes), {@link CreateAction}
 * @param creationTime   CreationTime (8 bytes, FILETIME)
 * @param lastAccessTime LastAccessTime (8 bytes, FILETIME)
 * @param lastWriteTime  LastWriteTime (8 bytes, FILETIME)
 * @param changeTime     ChangeTime (8 bytes, FILETIME)
 * @param allocationSize AllocationSize (8 bytes)
 * @param endOfFile      EndofFile (8 bytes)
 * @param fileAttributes FileAttributes (4 bytes), {@link FileAttributes}
 * @param fileId         FileId (16 bytes)
 * @param contexts       Buffer at CreateContextsOffset/CreateContextsLength (4 + 4 bytes)
 */
public record CreateResponse(int oplockLevel, int flags, int createAction, long creationTime, long lastAccessTime,
                             long lastWriteTime, long changeTime, long allocationSize, long endOfFile, int fileAttributes,
                             FileId fileId, List<CreateContext> contexts) implements Smb2Response {
    public static final int STRUCTURE_SIZE = 89;
    /** SMB2_CREATE_FLAG_REPARSEPOINT (3.1.1). */
    public static final int FLAG_REPARSEPOINT = 0x01;
    private static final int FIXED = 88;
    private static final String NAME = "CREATE response";

    public CreateResponse {
        contexts = List.copyOf(contexts);
    }

    /** The first context of the given type, if present. */
    public <T extends CreateContext> Optional<T> context(Class<T> type) {
        return contexts.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public boolean isDirectory() {
        return (fileAttributes & FileAttributes.DIRECTORY) != 0;
    }

    @Override
    public Command command() {
        return Command.CREATE;
    }

    public void encode(ByteBuf out) {
        int hdr = Body.headerStart(out);
        int bodyStart = out.writerIndex();
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(oplockLevel);             // OplockLevel (1 byte)
        out.writeByte(flags);                   // Flags (1 byte)
        out.writeIntLE(createAction);           // CreateAction (4 bytes)
        out.writeLongLE(creationTime);          // CreationTime (8 bytes)
        out.writeLongLE(lastAccessTime);        // LastAccessTime (8 bytes)
        out.writeLongLE(lastWriteTime);         // LastWriteTime (8 bytes)
        out.writeLongLE(changeTime);            // ChangeTime (8 bytes)
        out.writeLongLE(allocationSize);        // AllocationSize (8 bytes)
        out.writeLongLE(endOfFile);             // EndofFile (8 bytes)
        out.writeIntLE(fileAttributes);         // FileAttributes (4 bytes)
        out.writeIntLE(0);                      // Reserved2 (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        int contextsIndex = out.writerIndex();
        out.writeIntLE(0);                      // CreateContextsOffset (4 bytes), patched
        out.writeIntLE(0);                      // CreateContextsLength (4 bytes), patched
        if (!contexts.isEmpty()) {
            Wire.pad8(out, hdr);
            out.setIntLE(contextsIndex, Body.offset(out, hdr));
            out.setIntLE(contextsIndex + 4, CreateContext.encodeList(out, hdr, contexts)); // Buffer: contexts
        }
        if (out.writerIndex() - bodyStart < STRUCTURE_SIZE) {
            out.writeByte(0);                   // Buffer is at least 1 byte
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static CreateResponse decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int oplock = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int action = in.readIntLE();
        long creation = in.readLongLE();
        long access = in.readLongLE();
        long write = in.readLongLE();
        long change = in.readLongLE();
        long allocation = in.readLongLE();
        long eof = in.readLongLE();
        int attributes = in.readIntLE();
        in.skipBytes(4);
        FileId fileId = FileId.decode(in);
        long contextsOffset = in.readUnsignedIntLE();
        long contextsLength = in.readUnsignedIntLE();
        List<CreateContext> contexts = CreateContext.decodeList(in, hdr, contextsOffset, contextsLength,
                Smb2Header.SIZE + FIXED, true, NAME);
        return new CreateResponse(oplock, flags, action, creation, access, write, change, allocation, eof, attributes,
                fileId, contexts);
    }
}
