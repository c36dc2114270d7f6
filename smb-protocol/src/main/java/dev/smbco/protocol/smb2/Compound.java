package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * MS-SMB2 3.2.4.1.4 / 3.2.5.1.9 compounded requests and responses: several SMB2 messages in one
 * transport frame, each starting on an 8-byte boundary, chained by the header's NextCommand
 * (the offset from this message's header to the next one's, 0 for the last).
 *
 * <p>Walking never copies: each part is a window over the frame's own memory, either a
 * {@link ByteBuf#slice slice} ({@link #split}) or the frame itself narrowed with
 * {@code setIndex} and restored afterwards ({@link #forEach}). Neither retains: a part is valid
 * while the frame is; whoever keeps a part longer retains it (e.g. {@code part.retainedSlice()}).
 * Each part spans its header, body and trailing padding, which is exactly what a signature covers.
 */
public final class Compound {
    private static final String NAME = "compound";

    private Compound() {
    }

    /**
     * The messages of the frame between its reader and writer index, as slices of the frame
     * (index 0 of each slice is its SMB2 header). The frame's indices are not changed.
     *
     * @throws SmbDecodeException if a NextCommand is unaligned, points backwards/inside the
     *     header or past the end, or a part is shorter than a header
     */
    public static List<ByteBuf> split(ByteBuf frame) {
        List<ByteBuf> parts = new ArrayList<>();
        walk(frame, (start, end) -> parts.add(frame.slice(start, end - start)));
        return parts;
    }

    /**
     * Calls {@code action} once per message with the frame itself narrowed to that message
     * (reader index at its header, writer index at its end); the frame's indices are restored
     * afterwards, also when {@code action} throws.
     */
    public static void forEach(ByteBuf frame, Consumer<ByteBuf> action) {
        int reader = frame.readerIndex();
        int writer = frame.writerIndex();
        try {
            walk(frame, (start, end) -> {
                frame.setIndex(start, end);
                try {
                    action.accept(frame);
                } finally {
                    frame.setIndex(reader, writer);
                }
            });
        } finally {
            frame.setIndex(reader, writer);
        }
    }

    /** Message boundaries as absolute [start, end) pairs. */
    @FunctionalInterface
    private interface Part {
        void accept(int start, int end);
    }

    private static void walk(ByteBuf frame, Part part) {
        int start = frame.readerIndex();
        int end = frame.writerIndex();
        if (start == end) {
            throw new SmbDecodeException(NAME, "frame", "is empty");
        }
        while (true) {
            if (end - start < Smb2Header.SIZE) {
                throw new SmbDecodeException(NAME, "message", "at " + start + " has " + (end - start) + " bytes, less than a header");
            }
            long next = frame.getUnsignedIntLE(start + Smb2Header.OFFSET_NEXT_COMMAND);
            if (next == 0) {
                part.accept(start, end);
                return;
            }
            if ((next & 7) != 0 || next < Smb2Header.SIZE || next > end - start) {
                throw new SmbDecodeException(NAME, "NextCommand", next + " at " + start + " is not an 8-byte aligned offset inside the frame");
            }
            part.accept(start, start + (int) next);
            start += (int) next;
        }
    }

    /** One message to chain: its header (NextCommand and the related flag are set by the builder) and body. */
    public record Entry(Smb2Header header, Smb2Request body, boolean related) {
    }

    /** Starts a compound request. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * MS-SMB2 3.2.4.1.4 Sending Compounded Requests: chains requests into one frame. Each message
     * but the last is padded to a multiple of 8 bytes and its NextCommand set to its padded length;
     * a related message gets {@link Smb2Header#FLAG_RELATED_OPERATIONS} (its SessionId, TreeId and
     * FileId are then taken from the previous message by the server; use {@link FileId#RELATED}).
     */
    public static final class Builder {
        private final List<Entry> entries = new ArrayList<>();

        private Builder() {
        }

        /** Adds an unrelated message (its own session/tree/file ids). */
        public Builder add(Smb2Header header, Smb2Request body) {
            entries.add(new Entry(header, body, false));
            return this;
        }

        /** Adds a message related to the previous one. */
        public Builder addRelated(Smb2Header header, Smb2Request body) {
            if (entries.isEmpty()) {
                throw new IllegalStateException("the first message of a compound cannot be related");
            }
            entries.add(new Entry(header, body, true));
            return this;
        }

        /** The messages added so far. */
        public List<Entry> entries() {
            return List.copyOf(entries);
        }

        /**
         * Writes the chained messages at the writer index (no transport header) and returns the
         * absolute start index of each message, e.g. for signing each one in place.
         */
        public int[] encode(ByteBuf out) {
            if (entries.isEmpty()) {
                throw new IllegalStateException("empty compound");
            }
            int[] starts = new int[entries.size()];
            for (int i = 0; i < entries.size(); i++) {
                Entry e = entries.get(i);
                int start = out.writerIndex();
                starts[i] = start;
                int flags = e.related() ? e.header().flags() | Smb2Header.FLAG_RELATED_OPERATIONS
                        : e.header().flags() & ~Smb2Header.FLAG_RELATED_OPERATIONS;
                e.header().withFlags(flags).withNextCommand(0).encode(out);
                e.body().encode(out);
                if (i < entries.size() - 1) {
                    Wire.pad8(out, start);
                    out.setIntLE(start + Smb2Header.OFFSET_NEXT_COMMAND, out.writerIndex() - start);
                }
            }
            return starts;
        }
    }
}
