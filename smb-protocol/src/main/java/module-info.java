/**
 * SMB2/SMB3 wire codecs: message records (MS-SMB2), information classes (MS-FSCC), NTSTATUS
 * (MS-ERREF), security descriptors (MS-DTYP), NTLM/SPNEGO (MS-NLMP, MS-SPNG), message security
 * and DCE/RPC PDUs. No transport: only {@code io.netty.buffer} and BouncyCastle.
 *
 * <p>Exported to everyone: the packages whose types appear in the public signatures of
 * {@code dev.smbco.client} (dialects, commands, flags, information classes, status codes, and
 * in {@code crypto} the cipher and signing-algorithm choices of {@code SmbConfig}). The NTLM and
 * SPNEGO exchange ({@code auth}) and the DCE/RPC PDUs ({@code rpc}) are driven by the client
 * only, so they are exported only to the modules that use them.
 */
// the qualified exports name modules built after this one
@SuppressWarnings("module")
module dev.smbco.protocol {
    requires transitive io.netty.buffer;
    requires transitive io.netty.common;
    requires org.bouncycastle.provider;

    exports dev.smbco.protocol;
    exports dev.smbco.protocol.crypto;
    exports dev.smbco.protocol.dtyp;
    exports dev.smbco.protocol.fscc;
    exports dev.smbco.protocol.smb2;
    exports dev.smbco.protocol.status;

    exports dev.smbco.protocol.auth to dev.smbco.client, dev.smbco.cli;
    exports dev.smbco.protocol.rpc to dev.smbco.client;
}
