package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * MS-SMB2 2.2.37 SMB2 QUERY_INFO Request.
 *
 * @param infoType              InfoType (1 byte), {@link InfoType}
 * @param fileInfoClass         FileInfoClass (1 byte): MS-FSCC class id (0 for SECURITY)
 * @param outputBufferLength    OutputBufferLength (4 bytes)
 * @param additionalInformation AdditionalInformation (4 bytes): security information bits for SECURITY, EA index
 * @param flags                 Flags (4 bytes): SL_RESTART_SCAN 1, SL_RETURN_SINGLE_ENTRY 2, SL_INDEX_SPECIFIED 4
 * @param fileId                FileId (16 bytes)
 * @param inputBuffer           Buffer at InputBufferOffset (2 bytes) / InputBufferLength (4 bytes); quota/EA queries
 */
public record QueryInfoRequest(int infoType, int fileInfoClass, int outputBufferLength, int additionalInformation,
                               int flags, FileId fileId, byte[] inputBuffer) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 41;
    private static final int FIXED = 40;
    private static final String NAME = "QUERY_INFO request";

    /** A query without input buffer. */
    public static QueryInfoRequest of(int infoType, int fileInfoClass, int outputBufferLength, int additionalInformation, FileId fileId) {
        return new QueryInfoRequest(infoType, fileInfoClass, outputBufferLength, additionalInformation, 0, fileId, new byte[0]);
    }

    @Override
    public Command command() {
        return Command.QUERY_INFO;
    }

    @Override
    public long creditPayloadSize() {
        return Math.max(Integer.toUnsignedLong(outputBufferLength), inputBuffer.length);
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(infoType);                // InfoType (1 byte)
        out.writeByte(fileInfoClass);           // FileInfoClass (1 byte)
        out.writeIntLE(outputBufferLength);     // OutputBufferLength (4 bytes)
        out.writeShortLE(inputBuffer.length == 0 ? 0 : Smb2Header.SIZE + FIXED); // InputBufferOffset (2 bytes)
        out.writeShortLE(0);                    // Reserved (2 bytes)
        out.writeIntLE(inputBuffer.length);     // InputBufferLength (4 bytes)
        out.writeIntLE(additionalInformation);  // AdditionalInformation (4 bytes)
        out.writeIntLE(flags);                  // Flags (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        out.writeBytes(inputBuffer);            // Buffer (variable)
        if (inputBuffer.length == 0) {
            out.writeByte(0);                   // Buffer is at least 1 byte
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static QueryInfoRequest decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int infoType = in.readUnsignedByte();
        int infoClass = in.readUnsignedByte();
        int outputLength = in.readIntLE();
        int inputOffset = in.readUnsignedShortLE();
        in.skipBytes(2);
        long inputLength = in.readUnsignedIntLE();
        int additional = in.readIntLE();
        int flags = in.readIntLE();
        FileId fileId = FileId.decode(in);
        byte[] input = Wire.bytes(in, hdr, inputOffset, inputLength, Smb2Header.SIZE + FIXED, NAME, "InputBufferOffset");
        return new QueryInfoRequest(infoType, infoClass, outputLength, additional, flags, fileId, input);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QueryInfoRequest r && infoType == r.infoType && fileInfoClass == r.fileInfoClass
                && outputBufferLength == r.outputBufferLength && additionalInformation == r.additionalInformation
                && flags == r.flags && fileId.equals(r.fileId) && Arrays.equals(inputBuffer, r.inputBuffer);
    }

    @Override
    public int hashCode() {
        return fileId.hashCode() * 31 + infoType * 256 + fileInfoClass;
    }

    @Override
    public String toString() {
        return String.format("QueryInfoRequest[infoType=%d, class=%d, outputLength=%d, additional=0x%X, flags=0x%X, %s, input=%d bytes]",
                infoType, fileInfoClass, Integer.toUnsignedLong(outputBufferLength), additionalInformation, flags, fileId, inputBuffer.length);
    }
}
