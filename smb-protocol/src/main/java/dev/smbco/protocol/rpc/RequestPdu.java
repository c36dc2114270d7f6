package dev.smbco.protocol.rpc;

import io.netty.buffer.ByteBuf;

/**
 * C706 12.6.4.9 / MS-RPCE 2.2.2 request PDU: one call's stub data (NDR-encoded [in] parameters)
 * in a single fragment, no object UUID, no auth verifier.
 *
 * @param callId    call_id (4 bytes)
 * @param contextId p_cont_id (2 bytes): the presentation context bound for the interface
 * @param opnum     opnum (2 bytes): the operation within the interface
 * @param stub      stub data, NDR 2.0 (see {@link NdrWriter})
 */
public record RequestPdu(int callId, int contextId, int opnum, byte[] stub) {
    /** Common header (16) + alloc_hint (4) + p_cont_id (2) + opnum (2). */
    public static final int HEADER_SIZE = 24;

    /**
     * Writes the request as one fragment (first and last).
     *
     * @throws IllegalArgumentException if it needs more than {@code maxXmitFrag} bytes (this
     *                                  client's calls are small; sending fragments is not implemented)
     */
    public void encode(ByteBuf out, int maxXmitFrag) {
        if (HEADER_SIZE + stub.length > maxXmitFrag) {
            throw new IllegalArgumentException("DCE/RPC request of " + (HEADER_SIZE + stub.length)
                    + " bytes exceeds the negotiated fragment size " + maxXmitFrag);
        }
        int start = out.writerIndex();
        new PduHeader(PduType.REQUEST, PduHeader.FIRST_FRAG | PduHeader.LAST_FRAG, 0, 0, callId).encode(out);
        out.writeIntLE(stub.length);            // alloc_hint (4 bytes)
        out.writeShortLE(contextId);            // p_cont_id (2 bytes)
        out.writeShortLE(opnum);                // opnum (2 bytes)
        out.writeBytes(stub);                   // stub data (8-byte aligned: PDU offset 24)
        PduHeader.patchLength(out, start);
    }
}
