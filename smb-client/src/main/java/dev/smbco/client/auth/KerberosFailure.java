package dev.smbco.client.auth;

/**
 * A Kerberos logon failed before or outside the SMB exchange (KDC refused, unreachable, no
 * krb5.conf, no ticket, ...). The message says which, in words and with the Kerberos error
 * name where there is one, and never holds a password; session setup turns it into one
 * {@link dev.smbco.client.SmbAuthenticationException}.
 */
public final class KerberosFailure extends RuntimeException {
    KerberosFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
