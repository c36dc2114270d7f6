package dev.smbco.client.engine;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * Where the engine hands a message the server sent on its own (MS-SMB2 3.2.5.19: MessageId
 * 0xFFFFFFFFFFFFFFFF, an oplock or lease break notification). Called on the event loop; the
 * engine keeps ownership of {@code message} (header included) and releases it afterwards. An
 * {@link dev.smbco.client.SmbProtocolException} thrown here closes the connection, as a malformed
 * response would.
 */
@FunctionalInterface
public interface UnsolicitedHandler {
    void onUnsolicited(Smb2Header header, ByteBuf message);
}
