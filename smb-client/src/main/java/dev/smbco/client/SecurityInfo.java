package dev.smbco.client;

import dev.smbco.coro.Request;
import dev.smbco.protocol.dtyp.SecurityDescriptor;
import dev.smbco.protocol.smb2.InfoType;
import dev.smbco.protocol.smb2.QueryInfoRequest;
import dev.smbco.protocol.smb2.QueryInfoResponse;
import dev.smbco.protocol.smb2.SetInfoRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * Security descriptors of open files (MS-SMB2 3.2.4.12 / 3.2.4.13 with SMB2_0_INFO_SECURITY;
 * MS-DTYP 2.4.6). Which parts are read or written is named by {@code
 * dev.smbco.protocol.dtyp.SecurityInformation} bits (owner, group, DACL); the handle needs
 * READ_CONTROL to query, WRITE_DAC / WRITE_OWNER to set. {@link SecurityDescriptor#toText()}
 * renders one readably.
 */
final class SecurityInfo {
    /** Large enough for any descriptor Samba builds from POSIX ACLs; a larger one fails with STATUS_BUFFER_TOO_SMALL. */
    private static final int MAX_DESCRIPTOR = 64 * 1024;

    private SecurityInfo() {
    }

    static Request<SecurityDescriptor> querySend(SmbFile f, int securityInformation) {
        return HandleInfoSend.send(f, () -> QueryInfoRequest.of(InfoType.SECURITY, 0, MAX_DESCRIPTOR, securityInformation, f.fileId()),
                (header, body) -> {
                    QueryInfoResponse r = QueryInfoResponse.decode(body);
                    try {
                        return SecurityDescriptor.decode(r.outputBuffer());
                    } finally {
                        r.release();
                    }
                });
    }

    static Request<Void> setSend(SmbFile f, SecurityDescriptor descriptor, int securityInformation) {
        ByteBuf b = Unpooled.buffer();
        byte[] bytes;
        try {
            descriptor.encode(b);
            bytes = ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
        return HandleInfoSend.send(f, () -> new SetInfoRequest(InfoType.SECURITY, 0, securityInformation, f.fileId(), bytes),
                (header, body) -> null);
    }
}
