package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import io.netty.buffer.ByteBuf;

/**
 * MS-SMB2 2.2.38 SMB2 QUERY_INFO Response.
 *
 * <p>{@link #outputBuffer()} is a <b>retained slice</b> of the received frame (no copy); it holds the MS-FSCC information structure or security descriptor asked for (decoded by the fscc/dtyp packages).
 * This response is {@link io.netty.util.ReferenceCounted} through that slice: its holder
 * releases it once.
 *
 * @param outputBuffer Buffer at OutputBufferOffset (2 bytes) / OutputBufferLength (4 bytes)
 */
public record QueryInfoResponse(ByteBuf outputBuffer) implements PayloadResponse {
    public static final int STRUCTURE_SIZE = 9;
    private static final String NAME = "QUERY_INFO response";

    @Override
    public Command command() {
        return Command.QUERY_INFO;
    }

    @Override
    public ByteBuf payload() {
        return outputBuffer;
    }

    /** Writes the body; the output buffer is copied, its indices and reference count untouched. */
    public void encode(ByteBuf out) {
        Body.writeOutputBuffer(out, outputBuffer); // StructureSize (2), OutputBufferOffset (2), OutputBufferLength (4), Buffer
    }

    /** Decodes the body (convention of {@link dev.smbco.protocol.Wire}); holds a retained slice of {@code in}. */
    public static QueryInfoResponse decode(ByteBuf in) {
        return new QueryInfoResponse(Body.readOutputBuffer(in, NAME));
    }

    @Override
    public String toString() {
        return "QueryInfoResponse[" + outputBuffer.readableBytes() + " bytes]";
    }
}
