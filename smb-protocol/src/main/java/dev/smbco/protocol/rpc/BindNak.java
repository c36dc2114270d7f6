package dev.smbco.protocol.rpc;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * C706 12.6.4.5 / MS-RPCE 2.2.2 bind_nak PDU: the server refused the association.
 *
 * @param header the common header
 * @param reason provider_reject_reason (2 bytes), e.g. 4 = protocol_version_not_supported
 */
public record BindNak(PduHeader header, int reason) implements ServerPdu {
    static BindNak decode(PduHeader header, ByteBuf body) {
        Wire.require(body, 2, "DCE/RPC bind_nak", "provider_reject_reason");
        return new BindNak(header, body.readUnsignedShortLE()); // the versions supported that may follow are not needed
    }
}
