package dev.smbco.protocol.smb2;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * MS-SMB2 2.2.2.2.1 Symbolic Link Error Response: the ErrorData of STATUS_STOPPED_ON_SYMLINK.
 * The substitute and print names are at offsets counted from the start of PathBuffer.
 *
 * @param unparsedPathLength UnparsedPathLength (2 bytes): bytes at the end of the original path not yet parsed
 * @param substituteName     SubstituteName in PathBuffer (UTF-16LE)
 * @param printName          PrintName in PathBuffer (UTF-16LE)
 * @param flags              Flags (4 bytes): {@link #SYMLINK_FLAG_RELATIVE}
 */
public record SymbolicLinkError(int unparsedPathLength, String substituteName, String printName, int flags) {
    /** SymLinkErrorTag: "SYML". */
    public static final int SYMLINK_ERROR_TAG = 0x4C4D5953;
    /** ReparseTag: IO_REPARSE_TAG_SYMLINK. */
    public static final int IO_REPARSE_TAG_SYMLINK = 0xA000000C;
    /** SYMLINK_FLAG_RELATIVE: the substitute name is relative to the link's directory. */
    public static final int SYMLINK_FLAG_RELATIVE = 0x00000001;
    private static final String NAME = "Symbolic Link Error Response";
    private static final int FIXED = 28;

    /** Encodes the structure (substitute name first, then print name, in PathBuffer). */
    public byte[] toBytes() {
        int sub = Wire.utf16Length(substituteName);
        int print = Wire.utf16Length(printName);
        int reparseDataLength = 12 + sub + print;
        ByteBuf b = Unpooled.buffer(FIXED + sub + print);
        try {
            b.writeIntLE(FIXED - 4 + sub + print);  // SymLinkLength (4 bytes): from SymLinkErrorTag to the end
            b.writeIntLE(SYMLINK_ERROR_TAG);        // SymLinkErrorTag (4 bytes)
            b.writeIntLE(IO_REPARSE_TAG_SYMLINK);   // ReparseTag (4 bytes)
            b.writeShortLE(Body.u16(reparseDataLength, "ReparseDataLength")); // ReparseDataLength (2 bytes)
            b.writeShortLE(unparsedPathLength);     // UnparsedPathLength (2 bytes)
            b.writeShortLE(0);                      // SubstituteNameOffset (2 bytes)
            b.writeShortLE(sub);                    // SubstituteNameLength (2 bytes)
            b.writeShortLE(sub);                    // PrintNameOffset (2 bytes)
            b.writeShortLE(print);                  // PrintNameLength (2 bytes)
            b.writeIntLE(flags);                    // Flags (4 bytes)
            Wire.writeUtf16(b, substituteName);     // PathBuffer (variable)
            Wire.writeUtf16(b, printName);
            byte[] out = new byte[b.readableBytes()];
            b.readBytes(out);
            return out;
        } finally {
            b.release();
        }
    }

    /** Decodes the structure from ErrorData (or an ERROR context's data). */
    public static SymbolicLinkError decode(byte[] errorData) {
        ByteBuf d = Unpooled.wrappedBuffer(errorData);
        Wire.require(d, FIXED, NAME, "fixed part");
        long symLinkLength = d.readUnsignedIntLE();
        int tag = d.readIntLE();
        if (tag != SYMLINK_ERROR_TAG) {
            throw new SmbDecodeException(NAME, "SymLinkErrorTag", String.format("0x%08X is not 'SYML'", tag));
        }
        int reparseTag = d.readIntLE();
        if (reparseTag != IO_REPARSE_TAG_SYMLINK) {
            throw new SmbDecodeException(NAME, "ReparseTag", String.format("0x%08X is not IO_REPARSE_TAG_SYMLINK", reparseTag));
        }
        d.skipBytes(2);                             // ReparseDataLength
        int unparsed = d.readUnsignedShortLE();
        int subOffset = d.readUnsignedShortLE();
        int subLength = d.readUnsignedShortLE();
        int printOffset = d.readUnsignedShortLE();
        int printLength = d.readUnsignedShortLE();
        int flags = d.readIntLE();
        int pathBuffer = d.readerIndex();
        if (symLinkLength + 4 > errorData.length) {
            throw new SmbDecodeException(NAME, "SymLinkLength", symLinkLength + " exceeds ErrorData of " + errorData.length + " bytes");
        }
        String sub = Wire.utf16(d, pathBuffer + subOffset, subLength, NAME, "SubstituteNameOffset");
        String print = Wire.utf16(d, pathBuffer + printOffset, printLength, NAME, "PrintNameOffset");
        return new SymbolicLinkError(unparsed, sub, print, flags);
    }
}
