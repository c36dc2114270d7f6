package dev.smbco.protocol.auth;

import java.util.Arrays;

/**
 * Who to authenticate as with NTLM: user, domain and password, or the anonymous (NULL session)
 * or guest forms. The password is kept as a char array that {@link #destroy()} overwrites;
 * {@link #toString()} never shows it.
 */
public final class NtlmCredentials {
    private final String user;
    private final String domain;
    private final char[] password;
    private final Kind kind;

    /** The form of logon. */
    public enum Kind { USER, ANONYMOUS, GUEST }

    private NtlmCredentials(String user, String domain, char[] password, Kind kind) {
        this.user = user;
        this.domain = domain;
        this.password = password;
        this.kind = kind;
    }

    /**
     * A user logon. The password array is copied; the caller may wipe its own.
     *
     * @param domain the user's domain (may be empty: the server then uses its own)
     */
    public static NtlmCredentials of(String user, String domain, char[] password) {
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("user name required (use anonymous() for a NULL session)");
        }
        return new NtlmCredentials(user, domain == null ? "" : domain, password == null ? new char[0] : password.clone(), Kind.USER);
    }

    /** Anonymous logon (NULL session): empty user, domain and password; no session key. */
    public static NtlmCredentials anonymous() {
        return new NtlmCredentials("", "", new char[0], Kind.ANONYMOUS);
    }

    /** Guest logon: user "Guest" with an empty password (servers map it to their guest account). */
    public static NtlmCredentials guest() {
        return new NtlmCredentials("Guest", "", new char[0], Kind.GUEST);
    }

    public String user() {
        return user;
    }

    public String domain() {
        return domain;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    public boolean isGuest() {
        return kind == Kind.GUEST;
    }

    /** The password itself (package-private: only the NTLM hash function reads it). */
    char[] password() {
        return password;
    }

    /** Overwrites the password with zeros; the credentials cannot authenticate a user afterwards. */
    public void destroy() {
        Arrays.fill(password, '\0');
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ANONYMOUS -> "NtlmCredentials[anonymous]";
            case GUEST -> "NtlmCredentials[guest]";
            case USER -> "NtlmCredentials[" + (domain.isEmpty() ? "" : domain + "\\") + user + ", password redacted]";
        };
    }
}
