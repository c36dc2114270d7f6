package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Request;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.19 SMB2 READ Request. Channel info (RDMA) is not supported: ReadChannelInfoOffset
 * and ReadChannelInfoLength are sent as 0 and Buffer as the one mandatory zero byte.
 *
 * @param padding        Padding (1 byte): requested offset of the data in the response (e.g. 0x50), or 0
 * @param flags          Flags (1 byte): {@link #UNBUFFERED}, {@link #REQUEST_COMPRESSED}
 * @param length         Length (4 bytes, unsigned): bytes to read
 * @param offset         Offset (8 bytes)
 * @param fileId         FileId (16 bytes)
 * @param minimumCount   MinimumCount (4 bytes)
 * @param channel        Channel (4 bytes), 0 (SMB2_CHANNEL_NONE)
 * @param remainingBytes RemainingBytes (4 bytes)
 */
public record ReadRequest(int padding, int flags, int length, long offset, FileId fileId, int minimumCount, int channel,
                          int remainingBytes) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 49;
    /** SMB2_READFLAG_READ_UNBUFFERED (3.0.2). */
    public static final int UNBUFFERED = 0x01;
    /** SMB2_READFLAG_REQUEST_COMPRESSED (3.1.1). */
    public static final int REQUEST_COMPRESSED = 0x02;
    private static final int FIXED = 48;
    private static final String NAME = "READ request";

    /** A plain read of {@code length} bytes at {@code offset}. */
    public static ReadRequest of(FileId fileId, long offset, int length) {
        return new ReadRequest(0, 0, length, offset, fileId, 0, 0, 0);
    }

    @Override
    public Command command() {
        return Command.READ;
    }

    /**
     * MS-SMB2 2.2.19: Flags and Channel are reserved (0) in 2.0.2 and 2.1; {@link #UNBUFFERED}
     * exists from 3.0.2 on, {@link #REQUEST_COMPRESSED} in 3.1.1 only.
     */
    @Override
    public ReadRequest forDialect(Dialect dialect) {
        int f = flags;
        if (dialect.compareTo(Dialect.SMB3_02) < 0) {
            f &= ~UNBUFFERED;
        }
        if (dialect != Dialect.SMB3_11) {
            f &= ~REQUEST_COMPRESSED;
        }
        int ch = dialect.isSmb3() ? channel : 0;
        return f == flags && ch == channel ? this
                : new ReadRequest(padding, f, length, offset, fileId, minimumCount, ch, remainingBytes);
    }

    @Override
    public long creditPayloadSize() {
        return Integer.toUnsignedLong(length);
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(padding);                 // Padding (1 byte)
        out.writeByte(flags);                   // Flags (1 byte)
        out.writeIntLE(length);                 // Length (4 bytes)
        out.writeLongLE(offset);                // Offset (8 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        out.writeIntLE(minimumCount);           // MinimumCount (4 bytes)
        out.writeIntLE(channel);                // Channel (4 bytes)
        out.writeIntLE(remainingBytes);         // RemainingBytes (4 bytes)
        out.writeShortLE(0);                    // ReadChannelInfoOffset (2 bytes)
        out.writeShortLE(0);                    // ReadChannelInfoLength (2 bytes)
        out.writeByte(0);                       // Buffer (1 byte)
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}); channel info is skipped. */
    public static ReadRequest decode(ByteBuf in) {
        Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int padding = in.readUnsignedByte();
        int flags = in.readUnsignedByte();
        int length = in.readIntLE();
        long offset = in.readLongLE();
        FileId fileId = FileId.decode(in);
        int minimum = in.readIntLE();
        int channel = in.readIntLE();
        int remaining = in.readIntLE();
        in.skipBytes(4);
        return new ReadRequest(padding, flags, length, offset, fileId, minimum, channel, remaining);
    }
}
