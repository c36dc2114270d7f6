package dev.smbco.client;

import dev.smbco.protocol.auth.NtlmCredentials;
import java.util.Objects;

/**
 * Who a session authenticates as: an NTLMv2 user (user, password, domain), the guest account, or
 * the anonymous (null) session. The password is never printed: {@link #toString()} shows only
 * the user and domain.
 */
public final class Credentials {
    private enum Kind { USER, GUEST, ANONYMOUS }

    private final Kind kind;
    private final String user;
    private final String domain;
    private final char[] password;

    private Credentials(Kind kind, String user, String domain, char[] password) {
        this.kind = kind;
        this.user = user;
        this.domain = domain;
        this.password = password;
    }

    /**
     * NTLMv2 over SPNEGO.
     *
     * @param password copied; the caller may wipe its array afterwards
     * @param domain   the user's domain or workgroup ("" lets the server pick its own)
     */
    public static Credentials ntlm(String user, char[] password, String domain) {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        return new Credentials(Kind.USER, user, domain == null ? "" : domain, password.clone());
    }

    /** NTLMv2 with no domain. */
    public static Credentials ntlm(String user, String password) {
        return ntlm(user, password.toCharArray(), "");
    }

    /** The server's guest account (shares that allow guests). */
    public static Credentials guest() {
        return new Credentials(Kind.GUEST, "guest", "", new char[0]);
    }

    /** The anonymous (null) session. */
    public static Credentials anonymous() {
        return new Credentials(Kind.ANONYMOUS, "", "", new char[0]);
    }

    public String user() {
        return user;
    }

    public String domain() {
        return domain;
    }

    public boolean isGuest() {
        return kind == Kind.GUEST;
    }

    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    /** For the authenticator: the protocol module's credentials. */
    NtlmCredentials toNtlm() {
        return switch (kind) {
            case USER -> NtlmCredentials.of(user, domain, password);
            case GUEST -> NtlmCredentials.guest();
            case ANONYMOUS -> NtlmCredentials.anonymous();
        };
    }

    /** Who, for messages: {@code CORP\\alice}, {@code alice}, {@code guest} or {@code anonymous}; never the password. */
    String display() {
        return switch (kind) {
            case USER -> (domain.isEmpty() ? "" : domain + "\\") + user;
            case GUEST -> "guest";
            case ANONYMOUS -> "anonymous";
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case USER -> "Credentials[" + (domain.isEmpty() ? "" : domain + "\\") + user + "]";
            case GUEST -> "Credentials[guest]";
            case ANONYMOUS -> "Credentials[anonymous]";
        };
    }
}
