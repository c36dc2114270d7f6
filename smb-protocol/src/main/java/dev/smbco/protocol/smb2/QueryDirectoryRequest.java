package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.33 SMB2 QUERY_DIRECTORY Request.
 *
 * @param fileInformationClass FileInformationClass (1 byte): an MS-FSCC 2.4 directory class id
 * @param flags                Flags (1 byte): {@link #RESTART_SCANS}, {@link #RETURN_SINGLE_ENTRY}, {@link #INDEX_SPECIFIED}, {@link #REOPEN}
 * @param fileIndex            FileIndex (4 bytes)
 * @param fileId               FileId (16 bytes)
 * @param pattern              Buffer at FileNameOffset/FileNameLength: search pattern, e.g. {@code *} (UTF-16LE)
 * @param outputBufferLength   OutputBufferLength (4 bytes): the most the server may return
 */
public record QueryDirectoryRequest(int fileInformationClass, int flags, int fileIndex, FileId fileId, String pattern,
                                    int outputBufferLength) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 33;
    public static final int RESTART_SCANS = 0x01;
    public static final int RETURN_SINGLE_ENTRY = 0x02;
    public static final int INDEX_SPECIFIED = 0x04;
    public static final int REOPEN = 0x10;
    private static final int FIXED = 32;
    private static final String NAME = "QUERY_DIRECTORY request";

    @Override
    public Command command() {
        return Command.QUERY_DIRECTORY;
    }

    @Override
    public long creditPayloadSize() {
        return Integer.toUnsignedLong(outputBufferLength);
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(fileInformationClass);    // FileInformationClass (1 byte)
        out.writeByte(flags);                   // Flags (1 byte)
        out.writeIntLE(fileIndex);              // FileIndex (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        out.writeShortLE(pattern.isEmpty() ? 0 : Smb2Header.SIZE + FIXED); // FileNameOffset (2 bytes): 0 when there is no name
        out.writeShortLE(Body.u16(Wire.utf16Length(pattern), "FileName")); // FileNameLength (2 bytes)
        out.writeIntLE(outputBufferLength);     // OutputBufferLength (4 bytes)
        Wire.writeUtf16(out, pattern);          // Buffer (variable)
        if (pattern.isEmpty()) {
            out.writeByte(0);                   // Buffer is at least 1 byte
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static QueryDirectoryRequest decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int infoClass = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int index = in.readIntLE();
        FileId fileId = FileId.decode(in);
        int nameOffset = in.readUnsignedShortLE();
        int nameLength = in.readUnsignedShortLE();
        int outputLength = in.readIntLE();
        String pattern = Wire.utf16(in, hdr, nameOffset, nameLength, Smb2Header.SIZE + FIXED, NAME, "FileName");
        return new QueryDirectoryRequest(infoClass, flags, index, fileId, pattern, outputLength);
    }
}
