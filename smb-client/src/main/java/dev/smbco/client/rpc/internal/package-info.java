/**
 * The DCE/RPC machinery behind {@code dev.smbco.client.rpc}: a named pipe as the client package
 * hands it over ({@code PipeIo}), one interface bound on it ({@code RpcBinding}) and the srvsvc
 * NetrShareEnum call ({@code ShareEnum}). Not exported: not API.
 */
package dev.smbco.client.rpc.internal;
