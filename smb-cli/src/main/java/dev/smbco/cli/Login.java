package dev.smbco.cli;

import java.util.Objects;

/**
 * Whom to log on as: a user (with domain and password), or guest. The password never appears in
 * {@link #toString()}.
 *
 * @param user     the user name, null for guest
 * @param domain   the domain, possibly null
 * @param password the password, null for guest (an empty array is a valid empty password)
 * @param guest    log on as guest
 * @param source   where the user name came from, for messages ("the URL", "--user", "SMBCO_USER", ...)
 */
public record Login(String user, String domain, char[] password, boolean guest, String source) {

    public Login {
        if (!guest) {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    public static Login guestLogin(String source) {
        return new Login(null, null, null, true, source);
    }

    @Override
    public String toString() {
        return guest ? "Login[guest]" : "Login[" + (domain == null ? "" : domain + ";") + user + ", from " + source + "]";
    }
}
