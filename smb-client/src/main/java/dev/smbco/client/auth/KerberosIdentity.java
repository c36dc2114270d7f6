package dev.smbco.client.auth;

import java.util.Arrays;
import java.util.Objects;
import javax.security.auth.Subject;

/**
 * Who a Kerberos logon is for and where its ticket comes from: a principal and password (a
 * fresh AS exchange with the KDC), the ticket cache ({@code KRB5CCNAME}, as left by
 * {@code kinit}), or a {@link Subject} the application already logged on. Internal: built by
 * {@link dev.smbco.client.Credentials}. Never prints the password.
 */
public final class KerberosIdentity {
    /** Where the ticket-granting ticket comes from. */
    public enum Source { PASSWORD, TICKET_CACHE, SUBJECT }

    private final Source source;
    private final String principal;
    private final char[] password;
    private final Subject subject;

    private KerberosIdentity(Source source, String principal, char[] password, Subject subject) {
        this.source = source;
        this.principal = principal;
        this.password = password;
        this.subject = subject;
    }

    /** {@code principal} as {@code user} (default realm) or {@code user@REALM}; the password is copied. */
    public static KerberosIdentity password(String principal, char[] password) {
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(password, "password");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("the Kerberos principal is empty");
        }
        return new KerberosIdentity(Source.PASSWORD, principal, password.clone(), null);
    }

    /** The default ticket cache ({@code KRB5CCNAME}, else {@code /tmp/krb5cc_<uid>}); {@code principal} may be null (the cache's). */
    public static KerberosIdentity ticketCache(String principal) {
        return new KerberosIdentity(Source.TICKET_CACHE, principal, null, null);
    }

    /** A Subject holding a Kerberos TGT (or service ticket) already. */
    public static KerberosIdentity subject(Subject subject) {
        Objects.requireNonNull(subject, "subject");
        return new KerberosIdentity(Source.SUBJECT, null, null, subject);
    }

    public Source source() {
        return source;
    }

    /** The principal as given, or null (ticket cache or Subject: whoever is in there). */
    public String principal() {
        return principal;
    }

    /** The password (a copy) for a {@link Source#PASSWORD} logon, else null. */
    public char[] password() {
        return password == null ? null : password.clone();
    }

    Subject subject() {
        return subject;
    }

    /** The user name part of the principal (before '@'), for an NTLM fallback. */
    public String userPart() {
        int at = principal == null ? -1 : principal.lastIndexOf('@');
        return at < 0 ? principal : principal.substring(0, at);
    }

    /** Who, for messages: the principal, {@code ticket cache} or {@code Subject}. */
    public String display() {
        return switch (source) {
            case PASSWORD -> principal;
            case TICKET_CACHE -> principal == null ? "the Kerberos ticket cache" : principal + " (ticket cache)";
            case SUBJECT -> "a Kerberos Subject";
        };
    }

    /** Wipes the password copy. */
    public void destroy() {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    @Override
    public String toString() {
        return "Kerberos[" + display() + "]";
    }
}
