package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * MS-SMB2 2.2.31.1 SRV_COPYCHUNK_COPY: the input of {@link Fsctl#FSCTL_SRV_COPYCHUNK} /
 * {@link Fsctl#FSCTL_SRV_COPYCHUNK_WRITE}, sent on the target file's handle.
 *
 * @param sourceKey SourceKey (24 bytes): the {@link ResumeKeyResponse#resumeKey()} of the source
 * @param chunks    Chunks (24 bytes each), ChunkCount (4 bytes) of them
 */
public record CopyChunkRequest(byte[] sourceKey, List<Chunk> chunks) {
    private static final String NAME = "SRV_COPYCHUNK_COPY";

    public CopyChunkRequest {
        chunks = List.copyOf(chunks);
        if (sourceKey.length != ResumeKeyResponse.RESUME_KEY_SIZE) {
            throw new IllegalArgumentException("a source key is 24 bytes, not " + sourceKey.length);
        }
    }

    /**
     * MS-SMB2 2.2.31.1.1 SRV_COPYCHUNK.
     *
     * @param sourceOffset SourceOffset (8 bytes)
     * @param targetOffset TargetOffset (8 bytes)
     * @param length       Length (4 bytes)
     */
    public record Chunk(long sourceOffset, long targetOffset, int length) {
    }

    /** The IOCTL input buffer. */
    public byte[] toBytes() {
        return Body.toBytes(out -> {
            out.writeBytes(sourceKey);          // SourceKey (24 bytes)
            out.writeIntLE(chunks.size());      // ChunkCount (4 bytes)
            out.writeIntLE(0);                  // Reserved (4 bytes)
            for (Chunk c : chunks) {
                out.writeLongLE(c.sourceOffset()); // SourceOffset (8 bytes)
                out.writeLongLE(c.targetOffset()); // TargetOffset (8 bytes)
                out.writeIntLE(c.length());     // Length (4 bytes)
                out.writeIntLE(0);              // Reserved (4 bytes)
            }
        });
    }

    /** The IOCTL request on the target's handle; {@code write} selects FSCTL_SRV_COPYCHUNK_WRITE. */
    public IoctlRequest toIoctl(FileId target, boolean write) {
        return IoctlRequest.fsctl(write ? Fsctl.FSCTL_SRV_COPYCHUNK_WRITE : Fsctl.FSCTL_SRV_COPYCHUNK, target, toBytes(), 12);
    }

    /** Decodes from an input buffer (its readable bytes). */
    public static CopyChunkRequest decode(ByteBuf in) {
        Wire.require(in, 32, NAME, "fixed part");
        byte[] key = Wire.readBytes(in, 24, NAME, "SourceKey");
        long count = in.readUnsignedIntLE();
        in.skipBytes(4);
        int n = Wire.count(in, count, 24, NAME, "ChunkCount");
        List<Chunk> chunks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            chunks.add(new Chunk(in.readLongLE(), in.readLongLE(), in.readIntLE()));
            in.skipBytes(4);
        }
        return new CopyChunkRequest(key, chunks);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CopyChunkRequest r && Arrays.equals(sourceKey, r.sourceKey) && chunks.equals(r.chunks);
    }

    @Override
    public int hashCode() {
        return chunks.hashCode();
    }

    @Override
    public String toString() {
        return "CopyChunkRequest[chunks=" + chunks + "]";
    }
}
