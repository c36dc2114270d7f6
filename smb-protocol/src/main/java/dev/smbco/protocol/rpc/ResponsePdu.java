package dev.smbco.protocol.rpc;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * C706 12.6.4.10 / MS-RPCE 2.2.2 response PDU: one fragment of a call's [out] stub data.
 *
 * @param header      the common header (first/last fragment flags, call_id)
 * @param allocHint   alloc_hint (4 bytes): the server's guess of the whole stub's size; a hint only,
 *                    never used to size anything
 * @param contextId   p_cont_id (2 bytes)
 * @param cancelCount cancel_count (1 byte)
 * @param stub        this fragment's stub data (a copy)
 */
public record ResponsePdu(PduHeader header, long allocHint, int contextId, int cancelCount, byte[] stub) implements ServerPdu {
    private static final String NAME = "DCE/RPC response";

    static ResponsePdu decode(PduHeader header, ByteBuf body) {
        Wire.require(body, 8, NAME, "alloc_hint");
        long allocHint = body.readUnsignedIntLE();      // alloc_hint (4 bytes)
        int context = body.readUnsignedShortLE();       // p_cont_id (2 bytes)
        int cancel = body.readUnsignedByte();           // cancel_count (1 byte)
        body.skipBytes(1);                              // reserved (1 byte)
        byte[] stub = Wire.readBytes(body, body.readableBytes(), NAME, "stub data");
        return new ResponsePdu(header, allocHint, context, cancel, stub);
    }
}
