/**
 * DCE/RPC over SMB2 named pipes (MS-RPCE 2.1.1.2; the PDUs are in {@code dev.smbco.protocol.rpc}):
 * a pipe opened on IPC$, a bind, calls carried by FSCTL_PIPE_TRANSCEIVE with READs for what does
 * not fit, and the one call the client makes today, srvsvc NetrShareEnum
 * ({@link dev.smbco.client.SmbSession#listSharesSend()}).
 *
 * <p>Public types here: {@link dev.smbco.client.rpc.ShareInfo}, {@link dev.smbco.client.rpc.ShareType}
 * and {@link dev.smbco.client.rpc.SmbRpcException}. {@link dev.smbco.client.rpc.PipeIo} and
 * {@link dev.smbco.client.rpc.ShareEnum} are public only so that the client package can hand a
 * pipe over; they are not API.
 */
package dev.smbco.client.rpc;
