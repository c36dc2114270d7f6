package dev.smbco.testserver;

import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** Predicates and rewrites for {@link FrameHooks}, reading the SMB2 header (MS-SMB2 2.2.1). */
public final class Frames {
    /** Direct-TCP transport header: zero byte + 24-bit length (MS-SMB2 2.1). */
    public static final int PREFIX_LENGTH = 4;
    /** Largest payload a 24-bit length can describe. */
    public static final int MAX_PAYLOAD = 0xFF_FFFF;
    /** Offset of Command (2 bytes, little-endian) in the SMB2 header. */
    public static final int COMMAND_OFFSET = 12;
    /** Offset of Flags (4 bytes, little-endian) in the SMB2 header. */
    public static final int FLAGS_OFFSET = 16;
    private static final int SMB2_HEADER_LENGTH = 64;
    private static final int FLAGS_SERVER_TO_REDIR = 0x1;

    private Frames() {
    }

    /** Every frame. */
    public static Predicate<byte[]> any() {
        return frame -> true;
    }

    /** A plain SMB2 message (ProtocolId 0xFE 'S' 'M' 'B'). */
    public static boolean isSmb2(byte[] frame) {
        return frame.length >= SMB2_HEADER_LENGTH && (frame[0] & 0xFF) == 0xFE && frame[1] == 'S' && frame[2] == 'M' && frame[3] == 'B';
    }

    /** An encrypted message (transform header, ProtocolId 0xFD 'S' 'M' 'B', MS-SMB2 2.2.41). */
    public static boolean isTransform(byte[] frame) {
        return frame.length >= 4 && (frame[0] & 0xFF) == 0xFD && frame[1] == 'S' && frame[2] == 'M' && frame[3] == 'B';
    }

    /** The SMB2 command code of a plain message, or -1. */
    public static int command(byte[] frame) {
        return isSmb2(frame) ? (frame[COMMAND_OFFSET] & 0xFF) | (frame[COMMAND_OFFSET + 1] & 0xFF) << 8 : -1;
    }

    /** A plain SMB2 message with this command code (e.g. 0x0008 for READ), request or response. */
    public static Predicate<byte[]> command(int command) {
        return frame -> command(frame) == command;
    }

    /** A plain SMB2 response (SMB2_FLAGS_SERVER_TO_REDIR set) with this command code. */
    public static Predicate<byte[]> response(int command) {
        return frame -> command(frame) == command && (frame[FLAGS_OFFSET] & FLAGS_SERVER_TO_REDIR) != 0;
    }

    /** A rewrite that flips every bit of the byte at {@code offset} (ignored past the end). */
    public static UnaryOperator<byte[]> flipByte(int offset) {
        return frame -> {
            byte[] copy = frame.clone();
            if (offset >= 0 && offset < copy.length) {
                copy[offset] = (byte) ~copy[offset];
            }
            return copy;
        };
    }

    /** A rewrite that keeps only the first {@code length} bytes. */
    public static UnaryOperator<byte[]> truncate(int length) {
        return frame -> java.util.Arrays.copyOf(frame, Math.min(length, frame.length));
    }
}
