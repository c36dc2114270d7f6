package dev.smbco.protocol.rpc;

import io.netty.buffer.ByteBuf;

/**
 * C706 12.6.4.3 / MS-RPCE 2.2.2 bind PDU with one presentation context: the interface
 * ({@code abstractSyntax}) offered in one transfer syntax (NDR 2.0 by default). No auth verifier.
 *
 * @param callId         call_id (4 bytes)
 * @param maxXmitFrag    max_xmit_frag (2 bytes): the largest fragment this client sends
 * @param maxRecvFrag    max_recv_frag (2 bytes): the largest fragment this client accepts
 * @param assocGroupId   assoc_group_id (4 bytes): 0 asks for a new association group
 * @param contextId      p_cont_id (2 bytes) of the one presentation context
 * @param abstractSyntax abstract_syntax (20 bytes): the interface, e.g. {@link Srvsvc#INTERFACE}
 * @param transferSyntax transfer_syntaxes[0] (20 bytes)
 */
public record BindRequest(int callId, int maxXmitFrag, int maxRecvFrag, int assocGroupId, int contextId,
                          SyntaxId abstractSyntax, SyntaxId transferSyntax) {
    /** The fragment size Windows and Samba clients offer (C706 12.6 leaves the choice to the client). */
    public static final int DEFAULT_MAX_FRAG = 4280;

    /** A bind of {@code abstractSyntax} in NDR 2.0, fragments of {@link #DEFAULT_MAX_FRAG} both ways. */
    public static BindRequest of(int callId, SyntaxId abstractSyntax) {
        return new BindRequest(callId, DEFAULT_MAX_FRAG, DEFAULT_MAX_FRAG, 0, 0, abstractSyntax, SyntaxId.NDR20);
    }

    /** Writes the whole PDU, header included. */
    public void encode(ByteBuf out) {
        int start = out.writerIndex();
        new PduHeader(PduType.BIND, PduHeader.FIRST_FRAG | PduHeader.LAST_FRAG, 0, 0, callId).encode(out);
        out.writeShortLE(maxXmitFrag);          // max_xmit_frag (2 bytes)
        out.writeShortLE(maxRecvFrag);          // max_recv_frag (2 bytes)
        out.writeIntLE(assocGroupId);           // assoc_group_id (4 bytes)
        out.writeByte(1);                       // p_context_elem.n_context_elem (1 byte)
        out.writeByte(0);                       // reserved (1 byte)
        out.writeShortLE(0);                    // reserved2 (2 bytes)
        out.writeShortLE(contextId);            // p_cont_elem[0].p_cont_id (2 bytes)
        out.writeByte(1);                       // n_transfer_syn (1 byte)
        out.writeByte(0);                       // reserved (1 byte)
        abstractSyntax.encode(out);             // abstract_syntax (20 bytes)
        transferSyntax.encode(out);             // transfer_syntaxes[0] (20 bytes)
        PduHeader.patchLength(out, start);
    }
}
