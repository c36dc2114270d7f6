/**
 * DCE/RPC over SMB2 named pipes (MS-RPCE 2.1.1.2; the PDUs are in {@code dev.smbco.protocol.rpc}):
 * a pipe opened on IPC$, a bind, calls carried by FSCTL_PIPE_TRANSCEIVE with READs for what does
 * not fit, and the one call the client makes today, srvsvc NetrShareEnum
 * ({@link dev.smbco.client.SmbSession#listSharesSend()}).
 *
 * <p>This package holds what a caller sees: {@link dev.smbco.client.rpc.ShareInfo},
 * {@link dev.smbco.client.rpc.ShareType} and {@link dev.smbco.client.rpc.SmbRpcException}. The
 * machinery (the pipe the client package hands over, the binding, the NetrShareEnum call) lives in
 * {@code dev.smbco.client.rpc.internal}, which the module does not export.
 */
package dev.smbco.client.rpc;
