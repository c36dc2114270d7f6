package dev.smbco.cli;

import java.util.Objects;

/**
 * Whom to log on as: a user (with domain and password), guest, or (with {@code --kerberos} and no
 * password) whoever the Kerberos ticket cache holds. The password never appears in {@link #toString()}.
 *
 * @param user     the user name, null for guest
 * @param domain   the domain, possibly null
 * @param password the password, null for guest (an empty array is a valid empty password)
 * @param guest    log on as guest
 * @param source   where the user name came from, for messages ("the URL", "--user", "SMBCO_USER", ...)
 * @param ticketCache log on with the Kerberos ticket cache (user: the principal wanted, or null for the cache's)
 */
public record Login(String user, String domain, char[] password, boolean guest, String source, boolean ticketCache) {

    public Login(String user, String domain, char[] password, boolean guest, String source) {
        this(user, domain, password, guest, source, false);
    }

    public Login {
        if (!guest && !ticketCache) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    public static Login guestLogin(String source) {
        return new Login(null, null, null, true, source);
    }

    /** The Kerberos ticket cache ({@code KRB5CCNAME}), for {@code user} if given. */
    public static Login ticketCacheLogin(String user, String source) {
        return new Login(user, null, null, false, source, true);
    }

    @Override
    public String toString() {
        if (ticketCache) {
            return "Login[ticket cache" + (user == null ? "" : " for " + user) + "]";
        }
        return guest ? "Login[guest]" : "Login[" + (domain == null ? "" : domain + ";") + user + ", from " + source + "]";
    }
}
