package dev.smbco.client.internal;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * Turns one response into a request's value. {@code body} follows the protocol module's decoder
 * convention (reader index at the body, header 64 bytes before, message ends at the writer
 * index). The buffer is released after this returns: a parser that keeps part of it (READ data)
 * must take a retained slice.
 */
@FunctionalInterface
public interface ResponseParser<R> {
    R parse(Smb2Header header, ByteBuf body);
}
