package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * MS-SMB2 2.2.32 SMB2 IOCTL Response.
 *
 * <p>{@link #output()} is a <b>retained slice</b> of the received frame (no copy); this response
 * is {@link io.netty.util.ReferenceCounted} through it and its holder releases it once. The
 * (rarely used) input buffer is copied.
 *
 * @param ctlCode CtlCode (4 bytes)
 * @param fileId  FileId (16 bytes)
 * @param input   Buffer at InputOffset (4 bytes) / InputCount (4 bytes)
 * @param output  Buffer at OutputOffset (4 bytes) / OutputCount (4 bytes)
 * @param flags   Flags (4 bytes), 0
 */
public record IoctlResponse(int ctlCode, FileId fileId, byte[] input, ByteBuf output, int flags) implements PayloadResponse {
    public static final int STRUCTURE_SIZE = 49;
    private static final int FIXED = 48;
    private static final String NAME = "IOCTL response";

    @Override
    public Command command() {
        return Command.IOCTL;
    }

    @Override
    public ByteBuf payload() {
        return output;
    }

    /** Writes the body: input, then output 8-byte aligned; {@code output} is copied, its indices untouched. */
    public void encode(ByteBuf out) {
        int hdr = Body.headerStart(out);
        int bodyStart = out.writerIndex();
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(0);                    // Reserved (2 bytes)
        out.writeIntLE(ctlCode);                // CtlCode (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        int offsets = out.writerIndex();
        out.writeIntLE(0);                      // InputOffset (4 bytes), patched
        out.writeIntLE(input.length);           // InputCount (4 bytes)
        out.writeIntLE(0);                      // OutputOffset (4 bytes), patched
        out.writeIntLE(output.readableBytes()); // OutputCount (4 bytes)
        out.writeIntLE(flags);                  // Flags (4 bytes)
        out.writeIntLE(0);                      // Reserved2 (4 bytes)
        if (input.length > 0) {
            out.setIntLE(offsets, Body.offset(out, hdr));
            out.writeBytes(input);              // Buffer: input
        }
        if (output.isReadable()) {
            Wire.pad8(out, hdr);
            out.setIntLE(offsets + 8, Body.offset(out, hdr));
            out.writeBytes(output, output.readerIndex(), output.readableBytes()); // Buffer: output
        }
        if (out.writerIndex() - bodyStart < STRUCTURE_SIZE) {
            out.writeByte(0);                   // Buffer is at least 1 byte
        }
    }

    /** Decodes the body (convention of {@link Wire}); holds a retained slice of {@code in} for the output. */
    public static IoctlResponse decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        in.skipBytes(2);
        int ctlCode = in.readIntLE();
        FileId fileId = FileId.decode(in);
        long inputOffset = in.readUnsignedIntLE();
        long inputCount = in.readUnsignedIntLE();
        long outputOffset = in.readUnsignedIntLE();
        long outputCount = in.readUnsignedIntLE();
        int flags = in.readIntLE();
        in.skipBytes(4);
        int min = Smb2Header.SIZE + FIXED;
        byte[] input = Wire.bytes(in, hdr, inputOffset, inputCount, min, NAME, "InputOffset");
        int outputIndex = Wire.region(in, hdr, outputOffset, outputCount, min, NAME, "OutputOffset");
        return new IoctlResponse(ctlCode, fileId, input, in.retainedSlice(outputIndex, (int) outputCount), flags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IoctlResponse r && ctlCode == r.ctlCode && fileId.equals(r.fileId) && Arrays.equals(input, r.input)
                && output.equals(r.output) && flags == r.flags;
    }

    @Override
    public int hashCode() {
        return ctlCode * 31 + fileId.hashCode();
    }

    @Override
    public String toString() {
        return String.format("IoctlResponse[ctlCode=0x%08X, %s, input=%d bytes, output=%d bytes, flags=0x%X]",
                ctlCode, fileId, input.length, output.readableBytes(), flags);
    }
}
