package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.32.1 SRV_COPYCHUNK_RESPONSE. With STATUS_INVALID_PARAMETER it carries the
 * server's limits instead (chunks = max chunk count, chunk bytes = max chunk size, total = max total).
 *
 * @param chunksWritten     ChunksWritten (4 bytes)
 * @param chunkBytesWritten ChunkBytesWritten (4 bytes)
 * @param totalBytesWritten TotalBytesWritten (4 bytes)
 */
public record CopyChunkResponse(int chunksWritten, int chunkBytesWritten, int totalBytesWritten) {
    private static final String NAME = "SRV_COPYCHUNK_RESPONSE";

    /** The IOCTL output buffer. */
    public byte[] toBytes() {
        return Body.toBytes(out -> {
            out.writeIntLE(chunksWritten);      // ChunksWritten (4 bytes)
            out.writeIntLE(chunkBytesWritten);  // ChunkBytesWritten (4 bytes)
            out.writeIntLE(totalBytesWritten);  // TotalBytesWritten (4 bytes)
        });
    }

    /** Decodes from the IOCTL output (its readable bytes). */
    public static CopyChunkResponse decode(ByteBuf in) {
        Wire.require(in, 12, NAME, "fixed part");
        return new CopyChunkResponse(in.readIntLE(), in.readIntLE(), in.readIntLE());
    }
}
