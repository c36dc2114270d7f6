package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.20 SMB2 READ Response.
 *
 * <p>{@link #data()} is a <b>retained slice of the received frame</b> located by DataOffset and
 * DataLength: no byte is copied. This response is {@link io.netty.util.ReferenceCounted} through
 * that slice: whoever holds it releases it once ({@link #release()}); the frame may be released
 * by its own owner at any time.
 *
 * @param data          Buffer at DataOffset (1 byte) / DataLength (4 bytes)
 * @param dataRemaining DataRemaining (4 bytes)
 * @param flags         Flags (4 bytes, 3.1.1; Reserved2 before): SMB2_READFLAG_RESPONSE_RDMA_TRANSFORM = 1
 */
public record ReadResponse(ByteBuf data, int dataRemaining, int flags) implements PayloadResponse {
    public static final int STRUCTURE_SIZE = 17;
    private static final int FIXED = 16;
    private static final String NAME = "READ response";

    @Override
    public Command command() {
        return Command.READ;
    }

    @Override
    public ByteBuf payload() {
        return data;
    }

    /** Writes the body; {@code data} is copied and not released (its readable bytes are left untouched). */
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(Smb2Header.SIZE + FIXED); // DataOffset (1 byte)
        out.writeByte(0);                       // Reserved (1 byte)
        out.writeIntLE(data.readableBytes());   // DataLength (4 bytes)
        out.writeIntLE(dataRemaining);          // DataRemaining (4 bytes)
        out.writeIntLE(flags);                  // Flags/Reserved2 (4 bytes)
        out.writeBytes(data, data.readerIndex(), data.readableBytes()); // Buffer (variable)
    }

    /** Decodes the body (convention of {@link Wire}); the returned response holds a retained slice of {@code in}. */
    public static ReadResponse decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int dataOffset = in.readUnsignedByte();
        in.skipBytes(1);
        long dataLength = in.readUnsignedIntLE();
        int remaining = in.readIntLE();
        int flags = in.readIntLE();
        int index = Wire.region(in, hdr, dataOffset, dataLength, Smb2Header.SIZE + FIXED, NAME, "DataOffset");
        return new ReadResponse(in.retainedSlice(index, (int) dataLength), remaining, flags);
    }

    @Override
    public String toString() {
        return "ReadResponse[" + data.readableBytes() + " bytes, dataRemaining=" + dataRemaining + ", flags=" + flags + "]";
    }
}
