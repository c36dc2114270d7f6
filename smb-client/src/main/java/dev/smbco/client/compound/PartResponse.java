package dev.smbco.client.compound;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * One part's final response, as a {@link ChainParser} sees it.
 *
 * @param header the response header
 * @param body   the body, reader index just past the header (the protocol module's decoder
 *               convention); borrowed: valid during the parse only, a parser that keeps data takes
 *               a retained slice
 */
public record PartResponse(Smb2Header header, ByteBuf body) {
    public int status() {
        return header.status();
    }
}
