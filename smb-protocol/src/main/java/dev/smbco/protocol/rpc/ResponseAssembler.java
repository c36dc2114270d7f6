package dev.smbco.protocol.rpc;

import dev.smbco.protocol.SmbDecodeException;
import java.io.ByteArrayOutputStream;

/**
 * Joins the response fragments of one call into its stub data (C706 12.4.3, 12.6.4.10): the first
 * carries PFC_FIRST_FRAG, the last PFC_LAST_FRAG, all carry the call's call_id and context. A fault
 * ends the call instead. The whole stub is bounded by {@code maxStub}, whatever alloc_hint says.
 */
public final class ResponseAssembler {
    private static final String NAME = "DCE/RPC response";

    private final int callId;
    private final int contextId;
    private final int maxStub;
    private final ByteArrayOutputStream stub = new ByteArrayOutputStream();
    private boolean started;
    private boolean done;

    public ResponseAssembler(int callId, int contextId, int maxStub) {
        this.callId = callId;
        this.contextId = contextId;
        this.maxStub = maxStub;
    }

    /**
     * Takes the next PDU of the call. Returns true when it was the last fragment.
     *
     * @throws SmbDecodeException for a PDU that cannot belong here (other call, out of order,
     *                            too large, a bind PDU)
     * @throws RpcFaultException  when the server answered with a fault PDU
     */
    public boolean add(ServerPdu pdu) {
        if (done) {
            throw new SmbDecodeException(NAME, "pfc_flags", "a PDU after the call's last fragment");
        }
        if (pdu.header().callId() != callId) {
            throw new SmbDecodeException(NAME, "call_id", pdu.header().callId() + " is not the call's " + callId);
        }
        switch (pdu) {
            case FaultPdu f -> throw new RpcFaultException(f.status(), f.describe());
            case ResponsePdu r -> {
                if (r.header().isFirst() == started) {
                    throw new SmbDecodeException(NAME, "pfc_flags", started ? "PFC_FIRST_FRAG in the middle of a call" : "first fragment without PFC_FIRST_FRAG");
                }
                if (r.contextId() != contextId) {
                    throw new SmbDecodeException(NAME, "p_cont_id", r.contextId() + " is not the bound context " + contextId);
                }
                if ((long) stub.size() + r.stub().length > maxStub) {
                    throw new SmbDecodeException(NAME, "stub data", "more than " + maxStub + " bytes in one call");
                }
                started = true;
                stub.writeBytes(r.stub());
                done = r.header().isLast();
                return done;
            }
            case BindAck b -> throw new SmbDecodeException(NAME, "PTYPE", "bind_ack where a response was expected");
            case BindNak b -> throw new SmbDecodeException(NAME, "PTYPE", "bind_nak where a response was expected");
        }
    }

    /** The whole stub data, once {@link #add} returned true. */
    public byte[] stub() {
        if (!done) {
            throw new IllegalStateException("the call's last fragment has not arrived");
        }
        return stub.toByteArray();
    }
}
