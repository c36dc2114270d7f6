package dev.smbco.protocol.fscc;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The 8.3 short name of FileBothDirectoryInformation and FileIdBothDirectoryInformation
 * (package-private): ShortNameLength (1 byte), Reserved (1 byte), ShortName (24 bytes, UTF-16LE,
 * zero padded).
 */
final class ShortName {
    static final int FIELD_SIZE = 24;
    static final int MAX_CHARS = FIELD_SIZE / 2;

    private ShortName() {
    }

    static String check(String shortName) {
        Codec.name(shortName, "shortName");
        if (shortName.length() > MAX_CHARS) {
            throw new IllegalArgumentException("shortName has " + shortName.length() + " chars, at most 12 fit: " + shortName);
        }
        return shortName;
    }

    /** Writes ShortNameLength, Reserved and the 24-byte ShortName field. */
    static void write(ByteBuf out, String shortName) {
        out.writeByte(Codec.utf16Length(shortName));               // ShortNameLength (1 byte)
        out.writeByte(0);                                          // Reserved (1 byte)
        Codec.writeUtf16(out, shortName);                          // ShortName (24 bytes)
        out.writeZero(FIELD_SIZE - Codec.utf16Length(shortName));
    }

    /** Reads ShortNameLength, Reserved and the 24-byte ShortName field (all checked readable by the caller). */
    static String read(ByteBuf in, String structure) {
        int length = in.readUnsignedByte(); // ShortNameLength (1 byte)
        in.skipBytes(1);                    // Reserved (1 byte)
        if (length > FIELD_SIZE) {
            throw new SmbDecodeException(structure, "ShortNameLength", length + " exceeds the 24-byte ShortName field");
        }
        ByteBuf field = in.readSlice(FIELD_SIZE); // ShortName (24 bytes)
        return Codec.readUtf16(field, length, structure, "ShortNameLength");
    }
}
