package dev.smbco.protocol.rpc;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * The PDUs a server sends a client on a connection-oriented association (C706 12.6.4), decoded by
 * one exhaustive switch on PTYPE.
 */
public sealed interface ServerPdu permits BindAck, BindNak, ResponsePdu, FaultPdu {
    PduHeader header();

    /**
     * Decodes one whole PDU: {@code in}'s readable bytes are exactly the PDU (see {@link PduFramer}).
     * Reads {@code in} to its end. A {@link ResponsePdu}'s stub is a copy, so {@code in} may be
     * released at once.
     */
    static ServerPdu decode(ByteBuf in) {
        int start = in.readerIndex();
        PduHeader header = PduHeader.decode(in);
        // the body ends where the auth verifier (if any) begins
        ByteBuf body = in.slice(in.readerIndex(), header.fragLength() - PduHeader.SIZE - header.trailerLength());
        ServerPdu pdu = switch (header.type()) {
            case PduType.BIND_ACK, PduType.ALTER_CONTEXT_RESP -> BindAck.decode(header, body);
            case PduType.BIND_NAK -> BindNak.decode(header, body);
            case PduType.RESPONSE -> ResponsePdu.decode(header, body);
            case PduType.FAULT -> FaultPdu.decode(header, body);
            default -> throw new SmbDecodeException("DCE/RPC PDU", "PTYPE", PduType.name(header.type()) + " is not a PDU a server sends a client");
        };
        in.readerIndex(start + header.fragLength());
        return pdu;
    }
}
