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
    /** Offset of Status (4 bytes, little-endian) in the SMB2 header. */
    public static final int STATUS_OFFSET = 8;
    /** STATUS_PENDING: an interim response (MS-SMB2 3.3.4.2); the final one follows under the same MessageId. */
    private static final int STATUS_PENDING = 0x00000103;
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

    /**
     * A plain SMB2 request with this command code sent as a replay: SMB2_FLAGS_REPLAY_OPERATION
     * (0x20000000, MS-SMB2 2.2.1.2) set, as a client sends a request again after a reconnection.
     */
    public static Predicate<byte[]> replay(int command) {
        return frame -> command(frame) == command && (frame[FLAGS_OFFSET] & FLAGS_SERVER_TO_REDIR) == 0
                && (frame[FLAGS_OFFSET + 3] & 0x20) != 0;
    }

    /**
     * A plain SMB2 response with this command code that is not an interim STATUS_PENDING response.
     * Servers (Samba under load, for one) answer any request with an interim response first when
     * it takes a moment, so a test that tampers with "the READ response" means this one.
     */
    public static Predicate<byte[]> finalResponse(int command) {
        return frame -> response(command).test(frame) && status(frame) != STATUS_PENDING;
    }

    /** The Status field of a plain SMB2 message, or 0 for anything else. */
    public static int status(byte[] frame) {
        if (!isSmb2(frame)) {
            return 0;
        }
        return (frame[STATUS_OFFSET] & 0xFF) | (frame[STATUS_OFFSET + 1] & 0xFF) << 8
                | (frame[STATUS_OFFSET + 2] & 0xFF) << 16 | (frame[STATUS_OFFSET + 3] & 0xFF) << 24;
    }

    /** Offset of MessageId (8 bytes, little-endian) in the SMB2 header. */
    public static final int MESSAGE_ID_OFFSET = 24;

    /** The MessageId of a plain SMB2 message, or -1 for anything else. */
    public static long messageId(byte[] frame) {
        if (!isSmb2(frame)) {
            return -1;
        }
        long id = 0;
        for (int i = 7; i >= 0; i--) {
            id = id << 8 | (frame[MESSAGE_ID_OFFSET + i] & 0xFF);
        }
        return id;
    }

    /** A rewrite that flips every bit of the last byte: whatever the frame, signed or sealed data changes. */
    public static UnaryOperator<byte[]> flipLastByte() {
        return frame -> {
            byte[] copy = frame.clone();
            if (copy.length > 0) {
                copy[copy.length - 1] = (byte) ~copy[copy.length - 1];
            }
            return copy;
        };
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
