package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * MS-SMB2 2.2.39 SMB2 SET_INFO Request.
 *
 * @param infoType              InfoType (1 byte), {@link InfoType}
 * @param fileInfoClass         FileInfoClass (1 byte): MS-FSCC class id (0 for SECURITY)
 * @param additionalInformation AdditionalInformation (4 bytes): security information bits for SECURITY
 * @param fileId                FileId (16 bytes)
 * @param buffer                Buffer at BufferOffset (2 bytes) / BufferLength (4 bytes): the encoded information
 */
public record SetInfoRequest(int infoType, int fileInfoClass, int additionalInformation, FileId fileId, byte[] buffer)
        implements Smb2Request {
    public static final int STRUCTURE_SIZE = 33;
    private static final int FIXED = 32;
    private static final String NAME = "SET_INFO request";

    @Override
    public Command command() {
        return Command.SET_INFO;
    }

    @Override
    public long creditPayloadSize() {
        return buffer.length;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(infoType);                // InfoType (1 byte)
        out.writeByte(fileInfoClass);           // FileInfoClass (1 byte)
        out.writeIntLE(buffer.length);          // BufferLength (4 bytes)
        out.writeShortLE(Smb2Header.SIZE + FIXED); // BufferOffset (2 bytes)
        out.writeShortLE(0);                    // Reserved (2 bytes)
        out.writeIntLE(additionalInformation);  // AdditionalInformation (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        out.writeBytes(buffer);                 // Buffer (variable)
        if (buffer.length == 0) {
            out.writeByte(0);                   // Buffer is at least 1 byte
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static SetInfoRequest decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int infoType = in.readUnsignedByte();
        int infoClass = in.readUnsignedByte();
        long length = in.readUnsignedIntLE();
        int offset = in.readUnsignedShortLE();
        in.skipBytes(2);
        int additional = in.readIntLE();
        FileId fileId = FileId.decode(in);
        byte[] buffer = Wire.bytes(in, hdr, offset, length, Smb2Header.SIZE + FIXED, NAME, "BufferOffset");
        return new SetInfoRequest(infoType, infoClass, additional, fileId, buffer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SetInfoRequest r && infoType == r.infoType && fileInfoClass == r.fileInfoClass
                && additionalInformation == r.additionalInformation && fileId.equals(r.fileId) && Arrays.equals(buffer, r.buffer);
    }

    @Override
    public int hashCode() {
        return fileId.hashCode() * 31 + Arrays.hashCode(buffer);
    }

    @Override
    public String toString() {
        return String.format("SetInfoRequest[infoType=%d, class=%d, additional=0x%X, %s, %d bytes]",
                infoType, fileInfoClass, additionalInformation, fileId, buffer.length);
    }
}
