package dev.smbco.protocol.fscc;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Lists linked by a leading 4-byte NextEntryOffset (MS-FSCC directory information classes,
 * FileStreamInformation, FILE_NOTIFY_INFORMATION): the offset counts from the start of one entry
 * to the start of the next, and 0 marks the last entry (package-private).
 */
final class EntryChain {
    private EntryChain() {
    }

    /**
     * Decodes every entry from the reader index to the writer index and leaves the reader index
     * at the writer index. Each entry is decoded from a slice that ends where the next entry
     * begins (or at the writer index for the last one), so an entry decoder can never read into
     * its neighbour. An empty region is an empty list.
     *
     * @param minEntrySize the fixed part of one entry; a non-zero NextEntryOffset smaller than
     *                     this is malformed (and guarantees the walk advances)
     */
    static <T> List<T> decode(ByteBuf in, String structure, int minEntrySize, Function<ByteBuf, T> entryDecoder) {
        List<T> entries = new ArrayList<>();
        int end = in.writerIndex();
        int start = in.readerIndex();
        while (start < end) {
            if (end - start < 4) {
                throw new SmbDecodeException(structure, "NextEntryOffset", "entry at " + start + " has only " + (end - start) + " bytes");
            }
            long next = in.getUnsignedIntLE(start);
            int entryEnd;
            if (next == 0) {
                entryEnd = end;
            } else if (next < minEntrySize || next > end - start) {
                throw new SmbDecodeException(structure, "NextEntryOffset",
                        next + " at entry " + entries.size() + " is outside " + minEntrySize + ".." + (end - start));
            } else {
                entryEnd = start + (int) next;
            }
            entries.add(entryDecoder.apply(in.slice(start, entryEnd - start)));
            if (next == 0) {
                break;
            }
            start = entryEnd;
        }
        in.readerIndex(end);
        return Collections.unmodifiableList(entries);
    }

    /**
     * Encodes the entries back to back, each entry starting on an {@code alignment}-byte boundary
     * counted from the first entry, with zero padding between entries (none after the last),
     * and patches every entry's NextEntryOffset (the encoder writes 0 there) once its length is known.
     */
    static <T> void encode(ByteBuf out, List<? extends T> entries, int alignment, BiConsumer<T, ByteBuf> entryEncoder) {
        int base = out.writerIndex();
        for (int i = 0; i < entries.size(); i++) {
            int start = out.writerIndex();
            entryEncoder.accept(entries.get(i), out);
            if (i + 1 < entries.size()) {
                int misalignment = (out.writerIndex() - base) % alignment;
                if (misalignment != 0) {
                    out.writeZero(alignment - misalignment);
                }
                out.setIntLE(start, out.writerIndex() - start);
            }
        }
    }
}
