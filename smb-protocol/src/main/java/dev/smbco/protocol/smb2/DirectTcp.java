package dev.smbco.protocol.smb2;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.1 Transport: Direct TCP framing. Every SMB2 message (or compound, or transform
 * frame) is preceded by a 4-byte header: one zero byte, then the 24-bit big-endian length of
 * what follows.
 *
 * <p>For Netty's {@code LengthFieldBasedFrameDecoder}: offset {@link #LENGTH_FIELD_OFFSET},
 * length {@link #LENGTH_FIELD_LENGTH}, adjustment 0, strip {@link #HEADER_SIZE}, max frame
 * {@link #HEADER_SIZE} + {@link #MAX_LENGTH}. The zero byte is then checked by {@link #readLength}
 * where it matters.
 */
public final class DirectTcp {
    /** The size of the transport header. */
    public static final int HEADER_SIZE = 4;
    /** The largest length 24 bits can carry. */
    public static final int MAX_LENGTH = 0xFFFFFF;
    /** Where the 3-byte length starts inside the header. */
    public static final int LENGTH_FIELD_OFFSET = 1;
    /** How many bytes the length takes. */
    public static final int LENGTH_FIELD_LENGTH = 3;

    private static final String NAME = "Direct TCP header";

    private DirectTcp() {
    }

    /** Writes the 4-byte header for a frame of {@code length} bytes. */
    public static void writeHeader(ByteBuf out, int length) {
        checkLength(length);
        out.writeByte(0);                       // Zero (1 byte)
        out.writeMedium(length);                // StreamProtocolLength (3 bytes, big-endian)
    }

    /** Reserves the 4-byte header at the writer index and returns its index, to be patched by {@link #patchHeader}. */
    public static int reserveHeader(ByteBuf out) {
        int index = out.writerIndex();
        out.writeInt(0);
        return index;
    }

    /** Fills in a header reserved at {@code index} with the number of bytes written after it. */
    public static void patchHeader(ByteBuf out, int index) {
        int length = out.writerIndex() - index - HEADER_SIZE;
        checkLength(length);
        out.setByte(index, 0);
        out.setMedium(index + 1, length);
    }

    /**
     * Reads a 4-byte header at the reader index and returns the frame length it announces.
     *
     * @throws SmbDecodeException if fewer than 4 bytes are readable or the first byte is not zero
     */
    public static int readLength(ByteBuf in) {
        if (in.readableBytes() < HEADER_SIZE) {
            throw new SmbDecodeException(NAME, "StreamProtocolLength", "needs 4 bytes, only " + in.readableBytes() + " left");
        }
        int zero = in.readUnsignedByte();
        if (zero != 0) {
            throw new SmbDecodeException(NAME, "Zero", String.format("is 0x%02X, not 0", zero));
        }
        return in.readUnsignedMedium();
    }

    private static void checkLength(int length) {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("Direct TCP frame of " + length + " bytes exceeds 0xFFFFFF");
        }
    }
}
