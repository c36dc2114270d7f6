package dev.smbco.client;

import dev.smbco.client.internal.Route;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.smb2.IoctlResponse;
import dev.smbco.protocol.smb2.NegotiateRequest;
import dev.smbco.protocol.smb2.ValidateNegotiateInfoRequest;
import dev.smbco.protocol.smb2.ValidateNegotiateInfoResponse;
import dev.smbco.protocol.status.NtStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MS-SMB2 3.2.5.5 / 3.3.5.15.12: FSCTL_VALIDATE_NEGOTIATE_INFO after a TREE_CONNECT, so that a
 * man in the middle who rewrote the unsigned NEGOTIATE (lowered the dialect, stripped security
 * mode or capabilities) is caught by a signed exchange. Done when the connection settled below
 * 3.1.1 (which has preauth integrity instead) although this client offered an SMB 3.x dialect,
 * on authenticated (signing-capable) sessions only.
 *
 * <p>A server that does not implement the FSCTL (Windows Server 2008 and Vista, older NAS
 * firmware, Samba capped at SMB 2.0.2) answers it, in a properly signed response, with
 * STATUS_FILE_CLOSED, STATUS_INVALID_DEVICE_REQUEST or STATUS_NOT_SUPPORTED: that is taken as
 * "not supported" and the tree is usable (MS-SMB2 3.2.5.14.5 leaves it to the client; Samba's
 * client does the same). Anything else — another error status, an unsigned answer, a bad
 * signature, a mismatch — fails the tree connect with {@link SmbProtocolException} and closes
 * the connection.
 */
final class NegotiateValidation {
    private static final Logger log = LoggerFactory.getLogger(NegotiateValidation.class);

    private NegotiateValidation() {
    }

    /** The statuses of a server that does not implement the FSCTL; accepted only in a signed (or encrypted) response. */
    static boolean notSupported(int status) {
        return status == NtStatus.STATUS_FILE_CLOSED || status == NtStatus.STATUS_INVALID_DEVICE_REQUEST
                || status == NtStatus.STATUS_NOT_SUPPORTED;
    }

    /** Whether a tree connect on {@code route} must be followed by validation. */
    static boolean needed(SmbConnection conn, Route route) {
        Negotiated n = conn.negotiated();
        return n.dialect() != Dialect.SMB3_11 && conn.config().maxDialect().isSmb3() && route.security() != null
                && conn.sentNegotiate() != null;
    }

    /** Sends the signed FSCTL on {@code treeRoute}; completes with null when the server confirms what we saw. */
    static Request<Void> send(SmbConnection conn, Route treeRoute, String unc) {
        NegotiateRequest sent = conn.sentNegotiate();
        ValidateNegotiateInfoRequest req = new ValidateNegotiateInfoRequest(sent.capabilities(), sent.clientGuid(),
                sent.securityMode(), sent.dialects());
        Route signed = new Route(treeRoute.sessionId(), treeRoute.treeId(), treeRoute.security(), true, treeRoute.encrypt());
        String what = "VALIDATE_NEGOTIATE_INFO " + unc;
        Negotiated n = conn.negotiated();
        int serverSecurityMode = conn.serverSecurityMode();
        IntPredicate notSupported = NegotiateValidation::notSupported; // handled below: accepted only signed
        return conn.sender().send(req.toIoctl(), signed, what, unc, conn.config().requestTimeout(), notSupported, (header, body) -> {
            if (!header.isSigned() && !treeRoute.encrypt()) {
                throw refuse(conn, what + ": the response (" + NtStatus.describe(header.status()) + ") is not signed");
            }
            if (header.status() != NtStatus.STATUS_SUCCESS) {
                log.debug("{}: the server does not implement it ({}, signed); NEGOTIATE stands as answered", what,
                        NtStatus.describe(header.status()));
                return null;
            }
            IoctlResponse r = IoctlResponse.decode(body);
            try {
                ValidateNegotiateInfoResponse v = ValidateNegotiateInfoResponse.decode(r.output());
                List<String> wrong = new ArrayList<>();
                if (v.dialect() != n.dialect().revision()) {
                    wrong.add("dialect 0x" + Integer.toHexString(v.dialect()) + " (NEGOTIATE said " + n.dialect().version() + ")");
                }
                if (!v.guid().equals(n.serverGuid())) {
                    wrong.add("server GUID");
                }
                if (v.securityMode() != serverSecurityMode) {
                    wrong.add("security mode 0x" + Integer.toHexString(v.securityMode()) + " (NEGOTIATE said 0x"
                            + Integer.toHexString(serverSecurityMode) + ")");
                }
                if (v.capabilities() != n.capabilities()) {
                    wrong.add("capabilities 0x" + Integer.toHexString(v.capabilities()) + " (NEGOTIATE said 0x"
                            + Integer.toHexString(n.capabilities()) + ")");
                }
                if (!wrong.isEmpty()) {
                    throw refuse(conn, what + ": NEGOTIATE was tampered with: the server's signed answer differs in " + String.join(", ", wrong));
                }
                return null;
            } finally {
                r.release();
            }
        });
    }

    /** The connection cannot be trusted any more: close it and say why. */
    static SmbProtocolException refuse(SmbConnection conn, String message) {
        SmbProtocolException e = new SmbProtocolException(message);
        conn.loop().execute(() -> conn.sender().engine().failAll(new IOException(message, e)));
        return e;
    }
}
