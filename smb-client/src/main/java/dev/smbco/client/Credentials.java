package dev.smbco.client;

import dev.smbco.client.auth.KerberosIdentity;
import dev.smbco.protocol.auth.NtlmCredentials;
import java.util.Objects;
import javax.security.auth.Subject;

/**
 * Who a session authenticates as: an NTLMv2 user (user, password, domain), a Kerberos principal
 * (password, ticket cache or Subject; SPNEGO offers Kerberos alone, or Kerberos then NTLM with
 * {@link #withNtlmFallback()}), the guest account, or the anonymous (null) session. The password
 * is never printed: {@link #toString()} shows only the user and domain.
 */
public final class Credentials {
    private enum Kind { USER, GUEST, ANONYMOUS, KERBEROS }

    private final Kind kind;
    private final String user;
    private final String domain;
    private final char[] password;
    private final KerberosIdentity kerberos;
    private final String targetName;
    private final boolean ntlmFallback;
    /** {@link #withoutTargetName()}'s copy, made once: the pool shares sessions by the Credentials object. */
    private volatile Credentials withDefaultTarget;

    private Credentials(Kind kind, String user, String domain, char[] password) {
        this(kind, user, domain, password, null, null, false);
    }

    private Credentials(Kind kind, String user, String domain, char[] password, KerberosIdentity kerberos,
                        String targetName, boolean ntlmFallback) {
        this.kind = kind;
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.kerberos = kerberos;
        this.targetName = targetName;
        this.ntlmFallback = ntlmFallback;
    }

    /**
     * NTLMv2 over SPNEGO.
     *
     * @param user     the account name, without domain; not null
     * @param password copied; the caller may wipe its array afterwards
     * @param domain   the user's domain or workgroup ("" lets the server pick its own; null is "")
     * @return user credentials
     */
    public static Credentials ntlm(String user, char[] password, String domain) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return new Credentials(Kind.USER, user, domain == null ? "" : domain, password.clone());
    }

    /**
     * NTLMv2 with no domain (the server's own).
     *
     * @param user the account name; not null
     * @param password the password; not null
     * @return user credentials
     */
    public static Credentials ntlm(String user, String password) {
        return ntlm(user, password.toCharArray(), "");
    }

    /**
     * The server's guest account (shares that allow guests).
     *
     * @return guest credentials, user "guest" with an empty password
     */
    public static Credentials guest() {
        return new Credentials(Kind.GUEST, "guest", "", new char[0]);
    }

    /**
     * The anonymous (null) session: empty user and password.
     *
     * @return anonymous credentials
     */
    public static Credentials anonymous() {
        return new Credentials(Kind.ANONYMOUS, "", "", new char[0]);
    }

    /**
     * Kerberos (SPNEGO, mutual authentication) as {@code principal} ({@code user} in krb5.conf's
     * default realm, or {@code user@REALM}), getting a ticket from the KDC with the password.
     * krb5.conf comes from {@code java.security.krb5.conf}, else {@code KRB5_CONFIG}, else
     * /etc/krb5.conf. The server's principal is {@code cifs/<host as connected to>} unless
     * {@link #withTargetName(String)} says otherwise.
     *
     * @param principal {@code user} or {@code user@REALM}; the realm after the last {@code @} is
     *     also the domain of an NTLM fallback
     * @param password copied; the caller may wipe its array afterwards
     * @return Kerberos credentials
     */
    public static Credentials kerberos(String principal, char[] password) {
        KerberosIdentity id = KerberosIdentity.password(principal, password);
        int at = principal.lastIndexOf('@');
        return new Credentials(Kind.KERBEROS, principal, at < 0 ? "" : principal.substring(at + 1), password.clone(), id, null, false);
    }

    /**
     * Kerberos with the ticket of the default ticket cache ({@code KRB5CCNAME}, a {@code FILE:} cache; as {@code kinit} leaves it).
     *
     * @return Kerberos credentials for whichever principal the cache holds
     */
    public static Credentials kerberosTicketCache() {
        return new Credentials(Kind.KERBEROS, "", "", new char[0], KerberosIdentity.ticketCache(null), null, false);
    }

    /**
     * Kerberos with the ticket of the default ticket cache, which must be for {@code principal}.
     *
     * @param principal {@code user@REALM}, as {@code klist} shows it; not null
     * @return Kerberos credentials
     */
    public static Credentials kerberosTicketCache(String principal) {
        Objects.requireNonNull(principal, "principal");
        return new Credentials(Kind.KERBEROS, principal, "", new char[0], KerberosIdentity.ticketCache(principal), null, false);
    }

    /**
     * Kerberos as a Subject the application has logged on already (it holds a TGT or the service ticket).
     *
     * @param subject e.g. from a JAAS {@code LoginContext}; used as it is, not copied
     * @return Kerberos credentials
     */
    public static Credentials kerberos(Subject subject) {
        return new Credentials(Kind.KERBEROS, "", "", new char[0], KerberosIdentity.subject(subject), null, false);
    }

    /**
     * These Kerberos credentials for the server principal {@code spn} ({@code cifs/fs1.corp.example},
     * or with a realm {@code cifs/fs1@CORP.EXAMPLE}) instead of {@code cifs/<host>}: for a server
     * reached by an address or an alias.
     *
     * @param spn the service principal name, {@code service/host[@REALM]}
     * @return a copy of these credentials with the target name
     * @throws IllegalStateException when these are not Kerberos credentials
     * @throws IllegalArgumentException when {@code spn} has no {@code /}
     */
    public Credentials withTargetName(String spn) {
        requireKerberos("a target name");
        Objects.requireNonNull(spn, "spn");
        if (!spn.contains("/")) {
            throw new IllegalArgumentException("a Kerberos target name looks like service/host, e.g. cifs/fs1.corp.example");
        }
        return new Credentials(kind, user, domain, password, kerberos, spn, ntlmFallback);
    }

    /**
     * These credentials without a {@link #withTargetName(String)} override: for the other servers a
     * DFS referral leads to, whose principal is their own {@code cifs/<host>}, never the one chosen
     * for the server the user named.
     *
     * @return this object when there is no override; else a copy without it, the same object on
     *     every call (so that the pool, which shares sessions per Credentials object, logs on once
     *     per server with it)
     */
    public Credentials withoutTargetName() {
        if (targetName == null) {
            return this;
        }
        Credentials c = withDefaultTarget;
        if (c == null) {
            synchronized (this) {
                c = withDefaultTarget;
                if (c == null) {
                    c = new Credentials(kind, user, domain, password, kerberos, null, ntlmFallback);
                    withDefaultTarget = c;
                }
            }
        }
        return c;
    }

    /**
     * Whether {@link #withTargetName(String)} chose the server's principal.
     *
     * @return true when these credentials carry a target name override
     */
    public boolean hasTargetName() {
        return targetName != null;
    }

    /**
     * These Kerberos password credentials, allowed to fall back to NTLM (the principal's user name
     * and password, the realm as domain): SPNEGO offers NTLM second, and a Kerberos logon that
     * cannot get a ticket (KDC unreachable, no krb5.conf) is retried with NTLM. Off by default:
     * where Kerberos is expected, a silent NTLM logon hides the misconfiguration.
     *
     * @return a copy of these credentials with the fallback allowed
     * @throws IllegalStateException when these are not Kerberos credentials
     * @throws IllegalArgumentException when they were not made with a password
     */
    public Credentials withNtlmFallback() {
        requireKerberos("an NTLM fallback");
        if (kerberos.source() != KerberosIdentity.Source.PASSWORD) {
            throw new IllegalArgumentException("an NTLM fallback needs a password (Credentials.kerberos(principal, password))");
        }
        return new Credentials(kind, user, domain, password, kerberos, targetName, true);
    }

    private void requireKerberos(String what) {
        if (kind != Kind.KERBEROS) {
            throw new IllegalStateException(what + " applies to Kerberos credentials only");
        }
    }

    /**
     * Whether these are Kerberos credentials.
     *
     * @return true for the {@code kerberos*} factories
     */
    public boolean isKerberos() {
        return kind == Kind.KERBEROS;
    }

    /** The Kerberos identity, or null. */
    KerberosIdentity kerberosIdentity() {
        return kerberos;
    }

    /** The server principal override, or null for {@code cifs/<host>}. */
    String targetName() {
        return targetName;
    }

    boolean ntlmFallback() {
        return ntlmFallback;
    }

    /**
     * The user these credentials name.
     *
     * @return the NTLM user name, the Kerberos principal as given ("" when it comes from a ticket
     *     cache or Subject), "guest", or "" for the anonymous session
     */
    public String user() {
        return user;
    }

    /**
     * The domain the user logs on to.
     *
     * @return the NTLM domain ("" for the server's own), the realm of a Kerberos principal given
     *     as {@code user@REALM}, or ""
     */
    public String domain() {
        return domain;
    }

    /**
     * Whether these are the guest account's credentials ({@link #guest()}).
     *
     * @return true for guest
     */
    public boolean isGuest() {
        return kind == Kind.GUEST;
    }

    /**
     * Whether these are the anonymous session's credentials ({@link #anonymous()}).
     *
     * @return true for anonymous
     */
    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    /** For the authenticator: the protocol module's credentials. */
    NtlmCredentials toNtlm() {
        return switch (kind) {
            case USER -> NtlmCredentials.of(user, domain, password);
            case KERBEROS -> NtlmCredentials.of(user, "", password); // user@REALM: a UPN logon
            case GUEST -> NtlmCredentials.guest();
            case ANONYMOUS -> NtlmCredentials.anonymous();
        };
    }

    /** Who, for messages: {@code CORP\\alice}, {@code alice}, {@code guest} or {@code anonymous}; never the password. */
    String display() {
        return switch (kind) {
            case USER -> (domain.isEmpty() ? "" : domain + "\\") + user;
            case KERBEROS -> kerberos.display() + " (Kerberos)";
            case GUEST -> "guest";
            case ANONYMOUS -> "anonymous";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case USER -> "Credentials[" + (domain.isEmpty() ? "" : domain + "\\") + user + "]";
            case KERBEROS -> "Credentials[" + kerberos + (targetName == null ? "" : " -> " + targetName) + "]";
            case GUEST -> "Credentials[guest]";
            case ANONYMOUS -> "Credentials[anonymous]";
        };
    }
}
