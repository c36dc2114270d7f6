package dev.smbco.client.rpc;

import dev.smbco.client.SmbException;

/**
 * A DCE/RPC call over a named pipe failed: the server refused the bind, answered with a fault PDU
 * (C706 12.6.4.7), or the call itself returned an error code (a NET_API_STATUS / WERROR). The
 * pipe and the connection stay usable. Access refusals are raised as
 * {@link dev.smbco.client.SmbAccessDeniedException} instead.
 */
public class SmbRpcException extends SmbException {
    /** The fault status, bind_nak reason or the call's return value. */
    private final int code;

    /**
     * A failed call.
     *
     * @param code the fault status, bind_nak reason or the call's return value
     * @param message what failed, naming the pipe and the operation
     */
    public SmbRpcException(int code, String message) {
        super(message);
        this.code = code;
    }

    /**
     * The code the server gave.
     *
     * @return the fault status (C706), bind_nak reject reason, or the call's NET_API_STATUS / WERROR
     */
    public int code() {
        return code;
    }
}
