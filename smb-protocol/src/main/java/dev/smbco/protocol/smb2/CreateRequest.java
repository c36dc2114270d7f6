package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;

/**
 * MS-SMB2 2.2.13 SMB2 CREATE Request.
 *
 * @param requestedOplockLevel RequestedOplockLevel (1 byte), {@link OplockLevel}
 * @param impersonationLevel   ImpersonationLevel (4 bytes), {@link ImpersonationLevel}
 * @param desiredAccess        DesiredAccess (4 bytes), {@link AccessMask}
 * @param fileAttributes       FileAttributes (4 bytes), {@link FileAttributes}
 * @param shareAccess          ShareAccess (4 bytes), {@link ShareAccess}
 * @param createDisposition    CreateDisposition (4 bytes), {@link CreateDisposition}
 * @param createOptions        CreateOptions (4 bytes), {@link CreateOptions}
 * @param name                 Buffer at NameOffset/NameLength: path relative to the share, UTF-16LE, no leading
 *                             backslash; empty opens the share root
 * @param contexts             Buffer at CreateContextsOffset/CreateContextsLength: the create context chain
 */
public record CreateRequest(int requestedOplockLevel, int impersonationLevel, int desiredAccess, int fileAttributes,
                            int shareAccess, int createDisposition, int createOptions, String name,
                            List<CreateContext> contexts) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 57;
    private static final int FIXED = 56;
    private static final String NAME = "CREATE request";

    public CreateRequest {
        contexts = List.copyOf(contexts);
    }

    /** The first context of the given type, if present. */
    public <T extends CreateContext> Optional<T> context(Class<T> type) {
        return contexts.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    @Override
    public Command command() {
        return Command.CREATE;
    }

    @Override
    public void encode(ByteBuf out) {
        int hdr = Body.headerStart(out);
        int bodyStart = out.writerIndex();
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(0);                       // SecurityFlags (1 byte), reserved
        out.writeByte(requestedOplockLevel);    // RequestedOplockLevel (1 byte)
        out.writeIntLE(impersonationLevel);     // ImpersonationLevel (4 bytes)
        out.writeLongLE(0);                     // SmbCreateFlags (8 bytes), reserved
        out.writeLongLE(0);                     // Reserved (8 bytes)
        out.writeIntLE(desiredAccess);          // DesiredAccess (4 bytes)
        out.writeIntLE(fileAttributes);         // FileAttributes (4 bytes)
        out.writeIntLE(shareAccess);            // ShareAccess (4 bytes)
        out.writeIntLE(createDisposition);      // CreateDisposition (4 bytes)
        out.writeIntLE(createOptions);          // CreateOptions (4 bytes)
        out.writeShortLE(Smb2Header.SIZE + FIXED); // NameOffset (2 bytes)
        out.writeShortLE(Body.u16(Wire.utf16Length(name), "Name")); // NameLength (2 bytes)
        int contextsIndex = out.writerIndex();
        out.writeIntLE(0);                      // CreateContextsOffset (4 bytes), patched
        out.writeIntLE(0);                      // CreateContextsLength (4 bytes), patched
        Wire.writeUtf16(out, name);             // Buffer: Name
        if (!contexts.isEmpty()) {
            Wire.pad8(out, hdr);                // Buffer: padding
            out.setIntLE(contextsIndex, Body.offset(out, hdr));
            out.setIntLE(contextsIndex + 4, CreateContext.encodeList(out, hdr, contexts)); // Buffer: contexts
        }
        if (out.writerIndex() - bodyStart < STRUCTURE_SIZE) {
            out.writeByte(0);                   // Buffer is at least 1 byte
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static CreateRequest decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        in.skipBytes(1);
        int oplock = in.readUnsignedByte();
        int impersonation = in.readIntLE();
        in.skipBytes(16);
        int access = in.readIntLE();
        int attributes = in.readIntLE();
        int share = in.readIntLE();
        int disposition = in.readIntLE();
        int options = in.readIntLE();
        int nameOffset = in.readUnsignedShortLE();
        int nameLength = in.readUnsignedShortLE();
        long contextsOffset = in.readUnsignedIntLE();
        long contextsLength = in.readUnsignedIntLE();
        int min = Smb2Header.SIZE + FIXED;
        String name = Wire.utf16(in, hdr, nameOffset, nameLength, min, NAME, "Name");
        List<CreateContext> contexts = CreateContext.decodeList(in, hdr, contextsOffset, contextsLength, min, false, NAME);
        return new CreateRequest(oplock, impersonation, access, attributes, share, disposition, options, name, contexts);
    }
}
