package dev.smbco.protocol.smb2;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MS-SMB2 2.2.2.1 SMB2 ERROR Context Response (3.1.1): ErrorDataLength (4 bytes), ErrorId
 * (4 bytes), ErrorContextData (variable); contexts follow each other 8-byte aligned.
 *
 * @param errorId ErrorId (4 bytes): {@link #DEFAULT} or {@link #SHARE_REDIRECT}
 * @param data    ErrorContextData (variable)
 */
public record ErrorContext(int errorId, byte[] data) {
    /** SMB2_ERROR_ID_DEFAULT: the data is formatted as in 2.2.2.2 for the header's status. */
    public static final int DEFAULT = 0x00000000;
    /** SMB2_ERROR_ID_SHARE_REDIRECT: 2.2.2.2.2 Share Redirect Error Context. */
    public static final int SHARE_REDIRECT = 0x72645253;
    private static final String NAME = "SMB2 ERROR Context";

    /** Writes a context list (8-byte aligned relative to the list start, no trailing pad). */
    static void encodeList(ByteBuf out, List<ErrorContext> contexts) {
        int start = out.writerIndex();
        for (int i = 0; i < contexts.size(); i++) {
            if (i > 0) {
                Wire.pad8(out, start);
            }
            ErrorContext c = contexts.get(i);
            out.writeIntLE(c.data.length);      // ErrorDataLength (4 bytes)
            out.writeIntLE(c.errorId);          // ErrorId (4 bytes)
            out.writeBytes(c.data);             // ErrorContextData (variable)
        }
    }

    /** Encodes a context list into a byte array (the ErrorData of an {@link ErrorResponse}). */
    public static byte[] toErrorData(List<ErrorContext> contexts) {
        ByteBuf buf = Unpooled.buffer();
        try {
            encodeList(buf, contexts);
            byte[] b = new byte[buf.readableBytes()];
            buf.readBytes(b);
            return b;
        } finally {
            buf.release();
        }
    }

    /** Decodes {@code count} contexts from ErrorData. */
    static List<ErrorContext> decodeList(byte[] errorData, int count) {
        ByteBuf d = Unpooled.wrappedBuffer(errorData);
        List<ErrorContext> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                int aligned = (int) Wire.align8(d.readerIndex());
                if (aligned > d.writerIndex()) {
                    throw new SmbDecodeException(NAME, "ErrorContext", "context " + i + " past the end of ErrorData");
                }
                d.readerIndex(aligned);
            }
            Wire.require(d, 8, NAME, "ErrorDataLength");
            long length = d.readUnsignedIntLE();
            int id = d.readIntLE();
            list.add(new ErrorContext(id, Wire.readBytes(d, length, NAME, "ErrorContextData")));
        }
        return list;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorContext c && errorId == c.errorId && Arrays.equals(data, c.data);
    }

    @Override
    public int hashCode() {
        return errorId * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return String.format("ErrorContext[id=0x%08X, %d bytes]", errorId, data.length);
    }
}
