package dev.smbco.protocol.rpc;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;

/**
 * C706 12.6.4.7 / MS-RPCE 2.2.2 fault PDU: the call failed in the RPC run-time or the server stub.
 *
 * @param header    the common header
 * @param contextId p_cont_id (2 bytes)
 * @param status    status (4 bytes): an nca_s_* or Windows error code (MS-RPCE 2.2.2)
 */
public record FaultPdu(PduHeader header, int contextId, int status) implements ServerPdu {
    /** nca_s_op_rng_error: the opnum is out of range. */
    public static final int NCA_S_OP_RNG_ERROR = 0x1C010002;
    /** nca_s_unk_if: the interface is unknown. */
    public static final int NCA_S_UNK_IF = 0x1C010003;
    /** nca_s_proto_error. */
    public static final int NCA_S_PROTO_ERROR = 0x1C01000B;
    /** nca_s_fault_access_denied (Windows' ERROR_ACCESS_DENIED). */
    public static final int ACCESS_DENIED = 0x00000005;

    static FaultPdu decode(PduHeader header, ByteBuf body) {
        Wire.require(body, 12, "DCE/RPC fault", "status");
        body.skipBytes(4);                              // alloc_hint (4 bytes)
        int context = body.readUnsignedShortLE();       // p_cont_id (2 bytes)
        body.skipBytes(2);                              // cancel_count (1 byte), reserved (1 byte)
        int status = body.readIntLE();                  // status (4 bytes)
        return new FaultPdu(header, context, status);  // reserved (4 bytes) may be missing in short faults: not needed
    }

    /** The status as text, e.g. {@code nca_s_op_rng_error (0x1C010002)}. */
    public String describe() {
        String name = switch (status) {
            case NCA_S_OP_RNG_ERROR -> "nca_s_op_rng_error";
            case NCA_S_UNK_IF -> "nca_s_unk_if";
            case NCA_S_PROTO_ERROR -> "nca_s_proto_error";
            case ACCESS_DENIED -> "access denied";
            case 0x1C00001A -> "nca_s_fault_remote_no_memory";
            case 0x1C000006 -> "nca_s_fault_ndr";
            default -> "fault";
        };
        return String.format("%s (0x%08X)", name, status);
    }
}
