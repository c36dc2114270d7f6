package dev.smbco.client;

import dev.smbco.client.auth.KerberosFailure;
import dev.smbco.client.auth.KerberosSpnego;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.auth.Authenticator;
import dev.smbco.protocol.auth.Spnego;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which authenticator a session setup runs for its credentials, and its first token: NTLM in
 * SPNEGO, or Kerberos first in SPNEGO (NTLM second when {@link Credentials#withNtlmFallback()}
 * allows it; then a Kerberos logon that cannot even produce its first token is retried as plain
 * NTLM). Runs on the session setup's coroutine thread, never on the event loop: the Kerberos
 * first token may wait (boundedly) for the KDC.
 */
final class SessionAuth {
    private static final Logger log = LoggerFactory.getLogger(SessionAuth.class);

    /** An authenticator whose {@link Authenticator#initialToken()} has been taken. */
    record Started(Authenticator auth, byte[] firstToken) {
    }

    private SessionAuth() {
    }

    static Started start(SmbConnection conn, Credentials credentials) {
        if (!credentials.isKerberos()) {
            Authenticator auth = Spnego.ntlm(credentials.toNtlm());
            return new Started(auth, auth.initialToken());
        }
        String target = credentials.targetName() != null ? credentials.targetName() : "cifs/" + conn.host();
        Authenticator kerberos = KerberosSpnego.create(credentials.kerberosIdentity(), target, conn.config().connectTimeout(),
                credentials.ntlmFallback() ? credentials.toNtlm() : null);
        try {
            return new Started(kerberos, kerberos.initialToken());
        } catch (KerberosFailure e) {
            if (!credentials.ntlmFallback()) {
                throw failure(conn, credentials, e);
            }
            log.debug("{}: Kerberos failed ({}); falling back to NTLM as allowed", conn.host(), e.getMessage());
            Authenticator ntlm = Spnego.ntlm(credentials.toNtlm());
            return new Started(ntlm, ntlm.initialToken());
        }
    }

    /** One clear authentication error naming the Kerberos failure (never a password). */
    static SmbAuthenticationException failure(SmbConnection conn, Credentials credentials, KerberosFailure e) {
        SmbAuthenticationException out = new SmbAuthenticationException(0, Command.SESSION_SETUP, "\\\\" + conn.host(),
                "Kerberos logon as " + credentials.display() + " to \\\\" + conn.host() + " failed: " + e.getMessage());
        out.initCause(e);
        return out;
    }
}
