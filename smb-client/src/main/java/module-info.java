/**
 * The asynchronous SMB2/SMB3 client: {@code SmbClient}, {@code SmbConnection}, {@code SmbSession},
 * {@code SmbTree}, {@code SmbFile} and the typed {@code SmbException} hierarchy.
 *
 * <p>Exported: the API packages {@code dev.smbco.client}, {@code dev.smbco.client.lease} (lease
 * states and break listeners that {@code OpenOptions} and {@code SmbFile} take) and
 * {@code dev.smbco.client.pool} (the connection pool and {@code smb://} URIs),
 * {@code dev.smbco.client.resilience} (the reconnect policy and its listener) and
 * {@code dev.smbco.client.rpc} (share listings), {@code dev.smbco.client.dfs} (the DFS policy and
 * referral targets). The engine ({@code engine}), related compounds
 * ({@code compound}), helpers ({@code internal}) and the machinery of leases and reconnects
 * ({@code lease.internal}, {@code resilience.internal}), the DFS resolver ({@code dfs.internal}) and
 * the DCE/RPC calls behind share listings ({@code rpc.internal})
 * are not exported.
 */
module dev.smbco.client {
    requires transitive dev.smbco.protocol;
    requires transitive dev.smbco.coro;
    requires transitive io.netty.common;
    requires io.netty.transport;
    requires io.netty.codec;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;
    requires org.slf4j;
    requires java.security.jgss; // Kerberos in SPNEGO: org.ietf.jgss, javax.security.auth.kerberos
    requires jdk.security.jgss; // ExtendedGSSContext: the session key for SMB 3 key derivation

    exports dev.smbco.client;
    exports dev.smbco.client.dfs;
    exports dev.smbco.client.lease;
    exports dev.smbco.client.pool;
    exports dev.smbco.client.resilience;
    exports dev.smbco.client.rpc;
}
