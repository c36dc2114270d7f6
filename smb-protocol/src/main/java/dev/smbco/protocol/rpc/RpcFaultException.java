package dev.smbco.protocol.rpc;

/**
 * The server answered a call with a fault PDU (C706 12.6.4.7): the call failed; the association
 * and the pipe are still usable. Not a decode error: the PDU itself was well-formed.
 */
public final class RpcFaultException extends RuntimeException {
    private final int status;

    public RpcFaultException(int status, String description) {
        super("DCE/RPC fault: " + description);
        this.status = status;
    }

    /** The fault PDU's status (an nca_s_* or Windows error code). */
    public int status() {
        return status;
    }
}
