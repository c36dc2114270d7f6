package dev.smbco.cli;

import java.util.Map;

/**
 * Finds the credentials for a URL. Each of user, password and domain is taken from the first source
 * that has it: the URL, then the options ({@code --user}, {@code --password}, {@code --domain}), then
 * the environment ({@code SMBCO_USER}, {@code SMBCO_PASSWORD}, {@code SMBCO_DOMAIN}). With no user
 * anywhere, {@code --guest} logs on as guest. Whatever is still missing is asked for when a terminal
 * is attached; otherwise the command ends with exit 3 and a message naming all the sources.
 * With {@code --kerberos} a missing password is no question: the Kerberos ticket cache is used
 * (for the user, if one was given).
 */
public final class CredentialResolver {
    public static final String ENV_USER = "SMBCO_USER";
    public static final String ENV_PASSWORD = "SMBCO_PASSWORD";
    public static final String ENV_DOMAIN = "SMBCO_DOMAIN";

    private final String optionUser;
    private final String optionPassword;
    private final String optionDomain;
    private final boolean guest;
    private final Map<String, String> env;
    private final Terminal terminal;
    private final boolean kerberos;

    public CredentialResolver(String optionUser, String optionPassword, String optionDomain, boolean guest,
                              Map<String, String> env, Terminal terminal) {
        this(optionUser, optionPassword, optionDomain, guest, env, terminal, false);
    }

    public CredentialResolver(String optionUser, String optionPassword, String optionDomain, boolean guest,
                              Map<String, String> env, Terminal terminal, boolean kerberos) {
        this.kerberos = kerberos;
        this.optionUser = optionUser;
        this.optionPassword = optionPassword;
        this.optionDomain = optionDomain;
        this.guest = guest;
        this.env = env;
        this.terminal = terminal;
    }

    /** The login for {@code url}. */
    public Login resolve(SmbUrl url) {
        String user = url.user();
        String userSource = "the URL";
        if (user == null && optionUser != null) {
            user = optionUser;
            userSource = "--user";
        }
        if (user == null && nonEmpty(env.get(ENV_USER))) {
            user = env.get(ENV_USER);
            userSource = ENV_USER;
        }
        if (user == null && guest) {
            return Login.guestLogin("--guest");
        }
        String domain = first(url.domain(), optionDomain, env.get(ENV_DOMAIN));
        String password = first(url.password(), optionPassword, env.get(ENV_PASSWORD));
        if (user != null && password != null) {
            return new Login(user, domain, password.toCharArray(), false, userSource);
        }
        if (kerberos) {
            return Login.ticketCacheLogin(user, user == null ? "the Kerberos ticket cache" : userSource);
        }
        if (!terminal.canPrompt()) {
            throw new CliException(ExitStatus.CONNECTION, "no " + (user == null ? "credentials" : "password for " + user)
                    + " for " + url + ": give them in the URL (smb://[DOMAIN;]USER:PASSWORD@HOST/SHARE), with --user/--password/--domain,"
                    + " in " + ENV_USER + "/" + ENV_PASSWORD + "/" + ENV_DOMAIN + ", or use --guest");
        }
        if (user == null) {
            user = terminal.readLine("User for " + url.host() + ": ");
            userSource = "the prompt";
            if (user == null || user.isBlank()) {
                throw new CliException(ExitStatus.CONNECTION, "no user given for " + url);
            }
            user = user.strip();
        }
        char[] typed = terminal.readPassword("Password for " + (domain == null ? "" : domain + "\\") + user + "@" + url.host() + ": ");
        if (typed == null) {
            throw new CliException(ExitStatus.CONNECTION, "no password given for " + user + " at " + url);
        }
        return new Login(user, domain, typed, false, userSource);
    }

    private static String first(String... candidates) {
        for (String c : candidates) {
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }
}
