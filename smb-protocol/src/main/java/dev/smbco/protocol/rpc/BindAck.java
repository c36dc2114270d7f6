package dev.smbco.protocol.rpc;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * C706 12.6.4.4 / MS-RPCE 2.2.2 bind_ack PDU (alter_context_resp has the same layout).
 *
 * @param header        the common header
 * @param maxXmitFrag   max_xmit_frag (2 bytes): the largest fragment the server sends
 * @param maxRecvFrag   max_recv_frag (2 bytes): the largest fragment the server accepts
 * @param assocGroupId  assoc_group_id (4 bytes)
 * @param secondaryAddr sec_addr (port_any_t): the server's port name, without its terminating NUL
 * @param results       p_result_list: one result per presentation context offered
 */
public record BindAck(PduHeader header, int maxXmitFrag, int maxRecvFrag, int assocGroupId, String secondaryAddr,
                      List<Result> results) implements ServerPdu {
    /** p_cont_def_result_t: acceptance. */
    public static final int ACCEPTANCE = 0;
    /** p_cont_def_result_t: user_rejection. */
    public static final int USER_REJECTION = 1;
    /** p_cont_def_result_t: provider_rejection. */
    public static final int PROVIDER_REJECTION = 2;

    private static final String NAME = "DCE/RPC bind_ack";
    private static final int RESULT_SIZE = 4 + SyntaxId.SIZE;

    public BindAck {
        results = List.copyOf(results);
    }

    /**
     * p_result_t.
     *
     * @param result         result (2 bytes): {@link #ACCEPTANCE}, {@link #USER_REJECTION}, {@link #PROVIDER_REJECTION}
     * @param reason         reason (2 bytes): p_provider_reason_t when rejected
     * @param transferSyntax transfer_syntax (20 bytes): the one the server chose
     */
    public record Result(int result, int reason, SyntaxId transferSyntax) {
        public boolean accepted() {
            return result == ACCEPTANCE;
        }
    }

    /** Whether the presentation context at {@code index} was accepted. */
    public boolean accepted(int index) {
        return index < results.size() && results.get(index).accepted();
    }

    /** The body after the common header (its bytes, auth verifier excluded); {@code body}'s index 0 is PDU offset 16. */
    static BindAck decode(PduHeader header, ByteBuf body) {
        Wire.require(body, 10, NAME, "max_xmit_frag");
        int maxXmit = body.readUnsignedShortLE();       // max_xmit_frag (2 bytes)
        int maxRecv = body.readUnsignedShortLE();       // max_recv_frag (2 bytes)
        int assoc = body.readIntLE();                   // assoc_group_id (4 bytes)
        int addrLength = body.readUnsignedShortLE();    // sec_addr.length (2 bytes)
        byte[] addr = Wire.readBytes(body, addrLength, NAME, "sec_addr"); // sec_addr.port_spec
        int n = addr.length;
        while (n > 0 && addr[n - 1] == 0) {
            n--;
        }
        String secondary = new String(addr, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1);
        // pad to a 4-byte boundary of the PDU; the body begins at PDU offset 16, itself aligned
        int pad = (4 - body.readerIndex() % 4) % 4;
        Wire.require(body, pad + 4, NAME, "p_result_list");
        body.skipBytes(pad);
        int count = body.readUnsignedByte();            // n_results (1 byte)
        body.skipBytes(3);                              // reserved (1 byte), reserved2 (2 bytes)
        Wire.count(body, count, RESULT_SIZE, NAME, "n_results");
        List<Result> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int result = body.readUnsignedShortLE();    // result (2 bytes)
            int reason = body.readUnsignedShortLE();    // reason (2 bytes)
            results.add(new Result(result, reason, SyntaxId.decode(body))); // transfer_syntax (20 bytes)
        }
        if (maxXmit < PduHeader.SIZE || maxRecv < PduHeader.SIZE) {
            throw new SmbDecodeException(NAME, "max_xmit_frag", maxXmit + "/" + maxRecv + " cannot even hold a PDU header");
        }
        return new BindAck(header, maxXmit, maxRecv, assoc, secondary, results);
    }
}
