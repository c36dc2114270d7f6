package dev.smbco.testserver;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;

/**
 * Rewrites of single SMB2 responses for {@link FrameHooks#rewrite}, to make a server say something
 * other than what it did: a WRITE that took fewer bytes, a READ that returned fewer, a CLOSE that
 * reports another size. They edit plain, unsigned, non-compound messages (signing would reject the
 * change, which is what the tamper tests show instead); anything else passes unchanged. Offsets
 * are from the start of the SMB2 header (64 bytes, MS-SMB2 2.2.1); the body follows it.
 */
public final class ResponseRewrites {
    private static final int HEADER = 64;
    /** MS-SMB2 2.2.22 WRITE Response: Count (4 bytes) after StructureSize (2) and Reserved (2). */
    private static final int WRITE_COUNT = HEADER + 4;
    /** MS-SMB2 2.2.20 READ Response: DataOffset (1 byte) after StructureSize (2). */
    private static final int READ_DATA_OFFSET = HEADER + 2;
    /** MS-SMB2 2.2.20 READ Response: DataLength (4 bytes) after DataOffset (1) and Reserved (1). */
    private static final int READ_DATA_LENGTH = HEADER + 4;
    /** MS-SMB2 2.2.16 CLOSE Response: Flags (2 bytes) after StructureSize (2). */
    private static final int CLOSE_FLAGS = HEADER + 2;
    /** MS-SMB2 2.2.16 CLOSE Response: EndofFile (8 bytes) after Flags, Reserved and five 8-byte fields. */
    private static final int CLOSE_END_OF_FILE = HEADER + 2 + 2 + 4 + 8 * 5;
    /** MS-SMB2 2.2.16: the response ends with FileAttributes (4 bytes) after EndofFile. */
    private static final int CLOSE_BODY_END = CLOSE_END_OF_FILE + 8 + 4;

    /** MS-SMB2 2.2.2 ERROR Response: StructureSize 9 (8 bytes of fields and one of ErrorData). */
    private static final int ERROR_RESPONSE_LENGTH = 9;
    /** SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB. */
    private static final int POSTQUERY_ATTRIB = 0x0001;
    /** MS-SMB2 2.2.32 IOCTL Response: CtlCode (4 bytes) after StructureSize (2) and Reserved (2). */
    private static final int IOCTL_CTL_CODE = HEADER + 4;
    /** MS-SMB2 2.2.32 IOCTL Response: OutputOffset (4 bytes), from the start of the header. */
    private static final int IOCTL_OUTPUT_OFFSET = HEADER + 32;
    /** MS-FSCC FSCTL_SRV_COPYCHUNK_WRITE. */
    private static final int FSCTL_SRV_COPYCHUNK_WRITE = 0x001480F2;

    private ResponseRewrites() {
    }

    /**
     * A successful COPYCHUNK IOCTL response that says nothing was copied: ChunksWritten,
     * ChunkBytesWritten and TotalBytesWritten of its SRV_COPYCHUNK_RESPONSE (MS-SMB2 2.2.32.1) all 0.
     */
    public static UnaryOperator<byte[]> copyChunkWroteNothing() {
        return frame -> {
            if (!plainSuccess(frame, IOCTL_OUTPUT_OFFSET + 4) || getInt(frame, IOCTL_CTL_CODE) != FSCTL_SRV_COPYCHUNK_WRITE) {
                return frame;
            }
            int out = getInt(frame, IOCTL_OUTPUT_OFFSET);
            if (out < 0 || out + 12 > frame.length) {
                return frame;
            }
            byte[] copy = frame.clone();
            Arrays.fill(copy, out, out + 12, (byte) 0);
            return copy;
        };
    }

    /** A WRITE response whose Count is {@code count.applyAsInt(the real Count)}. */
    public static UnaryOperator<byte[]> writeCount(IntUnaryOperator count) {
        return frame -> {
            if (!plainSuccess(frame, WRITE_COUNT + 4)) {
                return frame;
            }
            byte[] copy = frame.clone();
            putInt(copy, WRITE_COUNT, count.applyAsInt(getInt(copy, WRITE_COUNT)));
            return copy;
        };
    }

    /**
     * A successful response turned into a failure with {@code status} (an NTSTATUS, e.g.
     * 0xC000007F STATUS_DISK_FULL): the header's Status set and the body replaced by an ERROR
     * Response (MS-SMB2 2.2.2: StructureSize 9, no error contexts, ByteCount 0, one byte of ErrorData).
     */
    public static UnaryOperator<byte[]> failWith(int status) {
        return frame -> {
            if (!plainSuccess(frame, HEADER)) {
                return frame;
            }
            byte[] copy = Arrays.copyOf(frame, HEADER + ERROR_RESPONSE_LENGTH);
            putInt(copy, Frames.STATUS_OFFSET, status);
            Arrays.fill(copy, HEADER, copy.length, (byte) 0);
            copy[HEADER] = ERROR_RESPONSE_LENGTH; // StructureSize (2 bytes)
            return copy;
        };
    }

    /** A READ response that carries only its first {@code keep.applyAsInt(DataLength)} bytes of data. */
    public static UnaryOperator<byte[]> readTrimmedTo(IntUnaryOperator keep) {
        return frame -> {
            if (!plainSuccess(frame, READ_DATA_LENGTH + 4)) {
                return frame;
            }
            int offset = frame[READ_DATA_OFFSET] & 0xFF;
            int length = getInt(frame, READ_DATA_LENGTH);
            int kept = Math.max(0, Math.min(length, keep.applyAsInt(length)));
            if (offset + length > frame.length) {
                return frame;
            }
            byte[] copy = Arrays.copyOf(frame, offset + kept);
            putInt(copy, READ_DATA_LENGTH, kept);
            return copy;
        };
    }

    /** A CLOSE response (with attributes) whose EndofFile is {@code endOfFile.applyAsLong(the real one)}. */
    public static UnaryOperator<byte[]> closeEndOfFile(java.util.function.LongUnaryOperator endOfFile) {
        return frame -> {
            if (!plainSuccess(frame, CLOSE_BODY_END)) {
                return frame;
            }
            if ((frame[CLOSE_FLAGS] & POSTQUERY_ATTRIB) == 0) {
                return frame; // no attributes to change
            }
            byte[] copy = frame.clone();
            long now = getLong(copy, CLOSE_END_OF_FILE);
            putLong(copy, CLOSE_END_OF_FILE, endOfFile.applyAsLong(now));
            return copy;
        };
    }

    /** A CLOSE response without attributes: Flags 0 and every attribute field zero, as servers that ignore the flag send. */
    public static UnaryOperator<byte[]> closeWithoutAttributes() {
        return frame -> {
            if (!plainSuccess(frame, CLOSE_BODY_END)) {
                return frame;
            }
            byte[] copy = frame.clone();
            Arrays.fill(copy, CLOSE_FLAGS, CLOSE_BODY_END, (byte) 0);
            return copy;
        };
    }

    /** A plain SMB2 message with STATUS_SUCCESS, long enough, not part of a compound (NextCommand 0). */
    private static boolean plainSuccess(byte[] frame, int minLength) {
        return Frames.isSmb2(frame) && Frames.status(frame) == 0 && frame.length >= minLength && getInt(frame, 20) == 0;
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (b[at + 3] & 0xFF) << 24;
    }

    private static void putInt(byte[] b, int at, int v) {
        for (int i = 0; i < 4; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static long getLong(byte[] b, int at) {
        return (getInt(b, at) & 0xFFFFFFFFL) | (long) getInt(b, at + 4) << 32;
    }

    private static void putLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }
}
