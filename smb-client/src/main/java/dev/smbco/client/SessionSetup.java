package dev.smbco.client;

import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.SessionSecurity;
import dev.smbco.client.internal.Undo;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.auth.Authenticator;
import dev.smbco.protocol.crypto.MessageSigner;
import dev.smbco.protocol.crypto.PreauthIntegrity;
import dev.smbco.protocol.crypto.SessionKeys;
import dev.smbco.protocol.smb2.SecurityMode;
import dev.smbco.protocol.smb2.SessionFlags;
import dev.smbco.protocol.smb2.SessionSetupRequest;
import dev.smbco.protocol.smb2.SessionSetupResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MS-SMB2 3.2.4.2.3 / 3.2.5.3: authenticating a session, as a coroutine on the connection's loop.
 * Each leg sends the authenticator's token; STATUS_MORE_PROCESSING_REQUIRED asks for another leg.
 * For 3.1.1 the preauth integrity hash runs over every SESSION_SETUP request and every response but
 * the final one; on success the keys are derived, the final response's signature is verified with
 * the new signing key, and the session's keys are handed to the engine.
 */
final class SessionSetup {
    private static final Logger log = LoggerFactory.getLogger(SessionSetup.class);
    /** MS-ERREF STATUS_MORE_PROCESSING_REQUIRED. */
    static final int STATUS_MORE_PROCESSING_REQUIRED = 0xC0000016;

    private SessionSetup() {
    }

    /** One leg's answer: header, decoded body and the whole message (for the hash and the signature). */
    private record Leg(Smb2Header header, SessionSetupResponse response, byte[] message) {
    }

    /** A session the server accepted: how its requests travel, and what kind it is. */
    record Authenticated(Route route, boolean guest, boolean anonymous) {
    }

    static Request<SmbSession> start(SmbConnection conn, Credentials credentials) {
        return logFailure(conn, credentials, Coroutine.start(conn.loop(), co -> {
            Authenticated a = co.await(authenticate(conn, credentials, 0));
            SmbSession session = new SmbSession(conn, a.route(), credentials, a.guest(), a.anonymous());
            if (!a.guest() && !a.anonymous()) {
                conn.register(session);
            }
            return session;
        }));
    }

    /**
     * Authenticates a session on {@code conn} and hands its keys to the engine. {@code previousSessionId}
     * (MS-SMB2 2.2.5 PreviousSessionId) names the session a reconnection replaces, so that the server
     * drops it and its durable handles wait for reclaiming (3.2.4.2.3); 0 for a new session.
     */
    static Request<Authenticated> authenticate(SmbConnection conn, Credentials credentials, long previousSessionId) {
        return Coroutine.start(conn.loop(), co -> {
            Negotiated neg = conn.negotiated();
            SmbConfig config = conn.config();
            boolean is311 = neg.dialect() == Dialect.SMB3_11;
            PreauthIntegrity hash = conn.preauthCopy();
            String what = "SESSION_SETUP \\\\" + conn.host() + " as " + credentials.display();
            SessionAuth.Started started = SessionAuth.start(conn, credentials);
            Authenticator auth = started.auth();
            int securityMode = config.signing() == SmbConfig.Policy.REQUIRED || neg.signingRequired()
                    ? SecurityMode.SIGNING_REQUIRED | SecurityMode.SIGNING_ENABLED : SecurityMode.SIGNING_ENABLED;
            int capabilities = 0; // MS-SMB2 2.2.5: DFS is the only client capability; we do not do DFS
            byte[] token = started.firstToken();
            long sessionId = 0;
            Leg leg;
            while (true) {
                SessionSetupRequest req = new SessionSetupRequest(0, securityMode, capabilities, 0, previousSessionId, token);
                leg = co.await(conn.sender().send(req, new Route(sessionId, 0, null, false, false), what, "\\\\" + conn.host(),
                        config.requestTimeout(), status -> status == STATUS_MORE_PROCESSING_REQUIRED,
                        (header, body) -> {
                            byte[] whole = new byte[body.writerIndex() - body.readerIndex() + Smb2Header.SIZE];
                            body.getBytes(body.readerIndex() - Smb2Header.SIZE, whole);
                            return new Leg(header, SessionSetupResponse.decode(body), whole);
                        }, is311 ? hash::update : null, (header, body) -> logoffUnclaimed(conn, header.sessionId(), what)));
                sessionId = leg.header().sessionId();
                if (leg.header().status() != STATUS_MORE_PROCESSING_REQUIRED) {
                    break;
                }
                if (is311) {
                    hash.update(leg.message());
                }
                token = step(conn, credentials, auth, leg.response().securityBuffer());
            }
            SessionSetupResponse done = leg.response();
            if (done.securityBuffer().length > 0 && !auth.isComplete()) {
                step(conn, credentials, auth, done.securityBuffer()); // the server's final SPNEGO token (AP-REP, mechListMIC)
            }
            boolean guest = (done.sessionFlags() & SessionFlags.IS_GUEST) != 0 || credentials.isGuest();
            boolean anonymous = (done.sessionFlags() & SessionFlags.IS_NULL) != 0 || credentials.isAnonymous();
            boolean signingRequired = config.signing() == SmbConfig.Policy.REQUIRED || neg.signingRequired();
            boolean encryptData = (done.sessionFlags() & SessionFlags.ENCRYPT_DATA) != 0
                    || config.encryption() == SmbConfig.Policy.REQUIRED;
            SessionSecurity security = null;
            if (!guest && !anonymous) {
                byte[] sessionKey = auth.sessionKey();
                SessionKeys keys = SessionKeys.derive(neg.dialect(), sessionKey, is311 ? hash.value() : null, neg.cipher());
                MessageSigner signer = MessageSigner.create(neg.signingAlgorithm(), keys.signingKey());
                SessionSecurity.FrameCipher cipher = neg.cipher() == null ? null
                        : SessionCiphers.create(neg.cipher(), keys.encryptionKey(), keys.decryptionKey());
                keys.destroy();
                security = new SessionSecurity(signer, cipher);
                verifyFinal(conn, what, leg, signer, signingRequired || is311);
            } else if (config.signing() == SmbConfig.Policy.REQUIRED || encryptData) {
                conn.sender().send(new dev.smbco.protocol.smb2.LogoffRequest(), new Route(sessionId, 0, null, false, false),
                        "LOGOFF", null, config.requestTimeout(), null, (h, b) -> null);
                throw new SmbAuthenticationException(0, Command.SESSION_SETUP, "\\\\" + conn.host(),
                        what + ": a " + (guest ? "guest" : "anonymous") + " session cannot "
                                + (encryptData ? "encrypt" : "sign") + ", but the configuration requires it");
            }
            if (encryptData && (security == null || !security.canEncrypt())) {
                throw new SmbProtocolException(what + ": encryption required but the connection has no cipher (dialect "
                        + neg.dialect().version() + ")");
            }
            boolean sign = security != null && signingRequired && !encryptData;
            Route route = new Route(sessionId, 0, security, sign, encryptData);
            if (security != null) {
                SessionSecurity s = security;
                long sid = sessionId;
                conn.loop().execute(() -> conn.sender().engine().registerSession(sid, s));
            }
            log.debug("{}: session 0x{} set up ({}{}{})", conn.host(), Long.toHexString(sessionId),
                    guest ? "guest" : anonymous ? "anonymous" : credentials.user(), sign ? ", signed" : "", encryptData ? ", encrypted" : "");
            return new Authenticated(route, guest, anonymous);
        });
    }

    /**
     * The undo of a SESSION_SETUP leg that succeeded (or asked for more) after its request ended:
     * LOGOFF the session id the server gave (MS-SMB2 3.2.4.22). Best effort: the keys were never
     * derived, so the LOGOFF goes unsigned and unencrypted; a server that insists on signing for
     * that session refuses it, and then drops the session with the connection. The refusal is
     * logged at debug like any failed undo.
     */
    private static void logoffUnclaimed(SmbConnection conn, long sessionId, String what) {
        if (sessionId == 0) {
            return;
        }
        Undo.send(conn.sender(), new dev.smbco.protocol.smb2.LogoffRequest(), new Route(sessionId, 0, null, false, false),
                "LOGOFF (undo) of " + what, conn.config().requestTimeout());
    }

    /** Life-cycle at debug: a session that could not be set up (the message names user and status, never a secret). */
    private static <T> Request<T> logFailure(SmbConnection conn, Credentials credentials, Request<T> r) {
        return r.onDone(done -> {
            if (done.state() != dev.smbco.coro.RequestState.DONE) {
                log.debug("{}: session setup as {} ended {}: {}", conn.host(), credentials.display(), done.state(),
                        done.failure() == null ? "" : done.failure().getMessage());
            }
        });
    }

    /**
     * MS-SMB2 3.2.4.2.3 re-authentication of an existing session (after STATUS_NETWORK_SESSION_EXPIRED):
     * the same SPNEGO/NTLM exchange with the session's id; the keys stay as they are (3.2.5.3.1),
     * and a signed final response is verified with them by the engine.
     */
    static Request<Void> reauthenticate(SmbConnection conn, SmbSession session, Credentials credentials) {
        return Coroutine.start(conn.loop(), co -> {
            String what = "SESSION_SETUP (re-authentication) \\\\" + conn.host() + " as " + credentials.display();
            SessionAuth.Started started = SessionAuth.start(conn, credentials);
            Authenticator auth = started.auth();
            Route route = session.route();
            // signed with the session's existing key (servers refuse an unsigned re-authentication of a signing session)
            Route legs = new Route(route.sessionId(), 0, route.security(), route.security() != null, route.encrypt());
            int securityMode = session.isSigned() ? SecurityMode.SIGNING_REQUIRED | SecurityMode.SIGNING_ENABLED : SecurityMode.SIGNING_ENABLED;
            byte[] token = started.firstToken();
            while (true) {
                SessionSetupRequest req = new SessionSetupRequest(0, securityMode, 0, 0, 0, token);
                Leg leg = co.await(conn.sender().send(req, legs, what, "\\\\" + conn.host(), conn.config().requestTimeout(),
                        status -> status == STATUS_MORE_PROCESSING_REQUIRED,
                        (header, body) -> new Leg(header, SessionSetupResponse.decode(body), null)));
                if (leg.header().status() != STATUS_MORE_PROCESSING_REQUIRED) {
                    if (leg.response().securityBuffer().length > 0 && !auth.isComplete()) {
                        step(conn, credentials, auth, leg.response().securityBuffer());
                    }
                    log.debug("{}: session 0x{} re-authenticated", conn.host(), Long.toHexString(route.sessionId()));
                    return null;
                }
                token = step(conn, credentials, auth, leg.response().securityBuffer());
            }
        });
    }

    /** One authenticator step; an empty token when it has nothing to send; a Kerberos failure as one authentication error. */
    private static byte[] step(SmbConnection conn, Credentials credentials, Authenticator auth, byte[] serverToken) {
        try {
            byte[] token = auth.step(serverToken);
            return token == null ? new byte[0] : token;
        } catch (dev.smbco.client.auth.KerberosFailure e) {
            throw SessionAuth.failure(conn, credentials, e);
        }
    }

    /** MS-SMB2 3.2.5.3.1: the final SESSION_SETUP response is verified with the newly derived signing key. */
    private static void verifyFinal(SmbConnection conn, String what, Leg leg, MessageSigner signer, boolean mustBeSigned) {
        if (!leg.header().isSigned()) {
            if (mustBeSigned) {
                SmbProtocolException e = new SmbProtocolException(what + ": final response is not signed");
                conn.loop().execute(() -> conn.sender().engine().failAll(e));
                throw e;
            }
            return;
        }
        ByteBuf message = Unpooled.wrappedBuffer(leg.message());
        boolean ok = signer.verify(message);
        message.release();
        if (!ok) {
            SmbProtocolException e = new SmbProtocolException(what + ": bad signature on the final response");
            conn.loop().execute(() -> conn.sender().engine().failAll(new IOException(e.getMessage(), e)));
            throw e;
        }
    }
}
