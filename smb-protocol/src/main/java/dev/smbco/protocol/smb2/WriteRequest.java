package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.21 SMB2 WRITE Request.
 *
 * <p>Zero-copy sending: {@link #encodeFixed(ByteBuf)} writes only the 48-byte fixed part (with
 * DataOffset 0x70, WriteChannelInfoOffset/Length 0 and Length = {@code data.readableBytes()}); the transport then appends
 * {@code data.retainedSlice()} as a further component of a {@code CompositeByteBuf} after header
 * and fixed part. {@link #encode(ByteBuf)} is the copying form (fixed part + data).
 *
 * <p>Ownership: the record does not own {@code data}. Neither encode method changes its indices
 * or reference count; the caller keeps its reference and releases it when the write is done.
 * A request decoded by {@link #decode} holds a plain (not retained) slice of the frame.
 *
 * @param offset         Offset (8 bytes)
 * @param fileId         FileId (16 bytes)
 * @param data           Buffer at DataOffset (2 bytes) / Length (4 bytes): its readable bytes
 * @param channel        Channel (4 bytes), 0
 * @param remainingBytes RemainingBytes (4 bytes)
 * @param flags          Flags (4 bytes): {@link #WRITE_THROUGH}, {@link #WRITE_UNBUFFERED}
 */
public record WriteRequest(long offset, FileId fileId, ByteBuf data, int channel, int remainingBytes, int flags)
        implements Smb2Request {
    public static final int STRUCTURE_SIZE = 49;
    /** Size of the fixed part (the body before the data). */
    public static final int FIXED_SIZE = 48;
    /** SMB2_WRITEFLAG_WRITE_THROUGH. */
    public static final int WRITE_THROUGH = 0x00000001;
    /** SMB2_WRITEFLAG_WRITE_UNBUFFERED. */
    public static final int WRITE_UNBUFFERED = 0x00000002;
    /** Where the data starts, counted from the SMB2 header. */
    public static final int DATA_OFFSET = Smb2Header.SIZE + FIXED_SIZE;
    private static final String NAME = "WRITE request";

    /** A plain write of {@code data}'s readable bytes at {@code offset}. */
    public static WriteRequest of(FileId fileId, long offset, ByteBuf data) {
        return new WriteRequest(offset, fileId, data, 0, 0, 0);
    }

    @Override
    public Command command() {
        return Command.WRITE;
    }

    /**
     * MS-SMB2 2.2.21: Channel is reserved (0) before 3.0; {@link #WRITE_THROUGH} is not valid in
     * 2.0.2; {@link #WRITE_UNBUFFERED} exists from 3.0.2 on.
     */
    @Override
    public WriteRequest forDialect(Dialect dialect) {
        int f = flags;
        if (dialect == Dialect.SMB2_02) {
            f &= ~WRITE_THROUGH;
        }
        if (dialect.compareTo(Dialect.SMB3_02) < 0) {
            f &= ~WRITE_UNBUFFERED;
        }
        int ch = dialect.isSmb3() ? channel : 0;
        return f == flags && ch == channel ? this : new WriteRequest(offset, fileId, data, ch, remainingBytes, f);
    }

    @Override
    public long creditPayloadSize() {
        return data.readableBytes();
    }

    /** Writes the fixed part and copies the data after it. */
    @Override
    public void encode(ByteBuf out) {
        encodeFixed(out);
        out.writeBytes(data, data.readerIndex(), data.readableBytes()); // Buffer (variable)
    }

    /** Writes only the 48-byte fixed part; the data must follow immediately (see the class comment). */
    public void encodeFixed(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(DATA_OFFSET);          // DataOffset (2 bytes)
        out.writeIntLE(data.readableBytes());   // Length (4 bytes)
        out.writeLongLE(offset);                // Offset (8 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        out.writeIntLE(channel);                // Channel (4 bytes)
        out.writeIntLE(remainingBytes);         // RemainingBytes (4 bytes)
        // WriteChannelInfoOffset (2 bytes): 0. MS-SMB2 2.2.21: reserved and 0 in 2.0.2 and 2.1; in 3.x it
        // points at channel info, which a Channel of SMB2_CHANNEL_NONE does not have. (0x70 here made
        // a 2.0.2 server add it to DataOffset and write shifted, truncated data.)
        out.writeShortLE(0);
        out.writeShortLE(0);                    // WriteChannelInfoLength (2 bytes)
        out.writeIntLE(flags);                  // Flags (4 bytes)
    }

    /** Decodes the body (convention of {@link Wire}); {@code data} is an unretained slice of {@code in}. */
    public static WriteRequest decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED_SIZE, STRUCTURE_SIZE, NAME);
        int dataOffset = in.readUnsignedShortLE();
        long length = in.readUnsignedIntLE();
        long offset = in.readLongLE();
        FileId fileId = FileId.decode(in);
        int channel = in.readIntLE();
        int remaining = in.readIntLE();
        in.skipBytes(4);
        int flags = in.readIntLE();
        ByteBuf data = Wire.slice(in, hdr, dataOffset, length, DATA_OFFSET, NAME, "DataOffset");
        return new WriteRequest(offset, fileId, data, channel, remaining, flags);
    }

    @Override
    public String toString() {
        return "WriteRequest[" + fileId + " offset=" + offset + " " + data.readableBytes() + " bytes, flags=" + flags + "]";
    }
}
