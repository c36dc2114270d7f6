package dev.smbco.cli.remote;

import dev.smbco.cli.Login;
import dev.smbco.client.Credentials;
import java.util.Locale;

/**
 * The client's credentials for a resolved login: guest, NTLM, or with {@code --kerberos} a
 * Kerberos logon — {@code user@REALM} with the password ({@code user} alone takes the domain,
 * upper-cased, as realm, or else krb5.conf's default realm), or the ticket cache when no password
 * was given; {@code --spn} names the server's principal.
 */
final class LoginCredentials {
    private LoginCredentials() {
    }

    static Credentials of(Login login, boolean kerberos, String spn) {
        if (login.guest()) {
            return Credentials.guest();
        }
        if (!kerberos) {
            return Credentials.ntlm(login.user(), login.password(), login.domain());
        }
        Credentials c;
        if (login.ticketCache()) {
            c = login.user() == null ? Credentials.kerberosTicketCache() : Credentials.kerberosTicketCache(principal(login));
        } else {
            c = Credentials.kerberos(principal(login), login.password());
        }
        return spn == null ? c : c.withTargetName(spn);
    }

    static String principal(Login login) {
        String user = login.user();
        if (user.contains("@") || login.domain() == null || login.domain().isBlank()) {
            return user;
        }
        return user + "@" + login.domain().toUpperCase(Locale.ROOT);
    }
}
