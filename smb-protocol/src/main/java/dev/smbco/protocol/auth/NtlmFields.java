package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * MS-NLMP 2.2 shared parts of the three NTLM messages: the "NTLMSSP\0" signature and
 * MessageType, and the (Len, MaxLen, BufferOffset) field descriptors that point into the payload.
 * Offsets count from the start of the message.
 */
final class NtlmFields {
    static final byte[] SIGNATURE = {'N', 'T', 'L', 'M', 'S', 'S', 'P', 0};

    private NtlmFields() {
    }

    /** Checks Signature (8 bytes) and MessageType (4 bytes). */
    static void readHeader(ByteBuf in, int type, String structure, int fixedSize) {
        Wire.require(in, SIGNATURE.length + 4, structure, "Signature and MessageType");
        for (byte b : SIGNATURE) {
            if (in.readByte() != b) {
                throw new SmbDecodeException(structure, "Signature", "is not \"NTLMSSP\\0\"");
            }
        }
        int actual = in.readIntLE();
        if (actual != type) {
            throw new SmbDecodeException(structure, "MessageType", actual + " is not " + type);
        }
        Wire.require(in, fixedSize - SIGNATURE.length - 4, structure, "fixed part");
    }

    static void writeHeader(ByteBuf out, int type) {
        out.writeBytes(SIGNATURE);      // Signature (8 bytes)
        out.writeIntLE(type);           // MessageType (4 bytes)
    }

    /** A field descriptor as read: where its bytes are. */
    record Field(int length, int offset) {
        boolean isEmpty() {
            return length == 0;
        }
    }

    static Field readField(ByteBuf in, String structure, String name) {
        int length = in.readUnsignedShortLE();   // Len (2 bytes)
        in.readUnsignedShortLE();                // MaxLen (2 bytes)
        long offset = in.readUnsignedIntLE();    // BufferOffset (4 bytes)
        Wire.region(in, 0, offset, length, 0, structure, name);
        return new Field(length, (int) offset);
    }

    static byte[] bytes(ByteBuf message, Field f) {
        if (f.isEmpty()) {
            return new byte[0]; // an empty field's offset is not checked and may point anywhere
        }
        byte[] b = new byte[f.length()];
        message.getBytes(f.offset(), b);
        return b;
    }

    static String string(ByteBuf message, Field f, boolean unicode, String structure, String name) {
        if (unicode && (f.length() & 1) != 0) {
            throw new SmbDecodeException(structure, name, "has an odd length " + f.length() + " for a UTF-16 string");
        }
        return new String(bytes(message, f), charset(unicode));
    }

    static Charset charset(boolean unicode) {
        return unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1;
    }

    /** Smallest offset of a non-empty field, or the message length: where the payload starts. */
    static int payloadStart(ByteBuf message, Field... fields) {
        int start = message.writerIndex();
        for (Field f : fields) {
            if (!f.isEmpty()) {
                start = Math.min(start, f.offset());
            }
        }
        return start;
    }

    /** Writes a descriptor (Len, MaxLen, BufferOffset) at {@code at} for {@code length} bytes at {@code offset}. */
    static void setField(ByteBuf out, int at, int length, int offset) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("NTLM field longer than 65535 bytes");
        }
        out.setShortLE(at, length);
        out.setShortLE(at + 2, length);
        out.setIntLE(at + 4, offset);
    }

    /** Appends {@code data} to the payload and points the descriptor at {@code at} to it. */
    static void appendField(ByteBuf out, int at, byte[] data) {
        setField(out, at, data.length, out.writerIndex());
        out.writeBytes(data);
    }

    /** Like {@link #appendField} but an empty value gets offset 0, as Windows writes it in NEGOTIATE and CHALLENGE. */
    static void appendFieldZeroIfEmpty(ByteBuf out, int at, byte[] data) {
        if (data.length == 0) {
            setField(out, at, 0, 0);
        } else {
            appendField(out, at, data);
        }
    }

    static byte[] toArray(ByteBuf buf) {
        byte[] b = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), b);
        buf.release();
        return b;
    }
}
