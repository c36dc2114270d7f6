package dev.smbco.client.auth;

import java.util.HashMap;
import java.util.Map;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

/**
 * The Subject a Kerberos logon runs as: the JDK's {@code Krb5LoginModule} (module
 * {@code jdk.security.auth}) with a configuration built here (no JAAS file): an AS exchange with
 * the principal and password, or the ticket cache ({@code KRB5CCNAME} when it names a
 * {@code FILE:} cache; the JDK reads no other kind). A Subject given by the application is used
 * as it is. Blocking (KDC traffic): called off the event loop, under {@link KerberosMechanism}'s
 * bounded wait.
 */
final class KerberosLogin {
    private static final String MODULE = "com.sun.security.auth.module.Krb5LoginModule";

    private KerberosLogin() {
    }

    static Subject subject(KerberosIdentity identity) throws LoginException {
        return switch (identity.source()) {
            case SUBJECT -> identity.subject();
            case PASSWORD -> login(identity, passwordOptions(identity));
            case TICKET_CACHE -> fromCache(identity);
        };
    }

    /** The cache's TGT; an empty, missing or expired cache is named as such (the JDK only says it found no principal). */
    private static Subject fromCache(KerberosIdentity identity) {
        Map<String, String> options = cacheOptions(identity);
        try {
            return login(identity, options);
        } catch (LoginException e) {
            String cache = options.getOrDefault("ticketCache", "the default ticket cache (KRB5CCNAME unset)");
            throw new KerberosFailure("no usable ticket in " + cache + (identity.principal() == null ? "" : " for " + identity.principal())
                    + ": missing or expired (run kinit), or for another principal [" + e.getMessage() + "]", e);
        }
    }

    private static Map<String, String> passwordOptions(KerberosIdentity identity) {
        Map<String, String> o = new HashMap<>();
        o.put("principal", identity.principal());
        o.put("useTicketCache", "false");
        o.put("useKeyTab", "false");
        o.put("storeKey", "false");
        o.put("doNotPrompt", "false");
        o.put("isInitiator", "true");
        return o;
    }

    private static Map<String, String> cacheOptions(KerberosIdentity identity) {
        Map<String, String> o = new HashMap<>();
        o.put("useTicketCache", "true");
        o.put("doNotPrompt", "true");
        o.put("isInitiator", "true");
        if (identity.principal() != null) {
            o.put("principal", identity.principal());
        }
        String cc = System.getenv("KRB5CCNAME");
        if (cc != null && !cc.isBlank()) {
            if (cc.startsWith("FILE:")) {
                cc = cc.substring("FILE:".length());
            } else if (cc.contains(":") && !cc.startsWith("/")) {
                throw new KerberosFailure("KRB5CCNAME names a " + cc.substring(0, cc.indexOf(':'))
                        + " ticket cache; the JDK reads only FILE: caches (kinit -c FILE:/path)", null);
            }
            o.put("ticketCache", cc);
        }
        return o;
    }

    private static Subject login(KerberosIdentity identity, Map<String, String> options) throws LoginException {
        Configuration config = new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return new AppConfigurationEntry[] {
                    new AppConfigurationEntry(MODULE, AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, options)
                };
            }
        };
        LoginContext context = new LoginContext("smbco-kerberos", new Subject(), callbacks -> answer(identity, callbacks), config);
        context.login();
        return context.getSubject();
    }

    private static void answer(KerberosIdentity identity, Callback[] callbacks) throws UnsupportedCallbackException {
        for (Callback c : callbacks) {
            if (c instanceof NameCallback n) {
                n.setName(identity.principal());
            } else if (c instanceof PasswordCallback p) {
                char[] password = identity.password();
                if (password == null) {
                    throw new UnsupportedCallbackException(c, "no password: the ticket cache holds no usable ticket");
                }
                p.setPassword(password);
                java.util.Arrays.fill(password, '\0');
            } else {
                throw new UnsupportedCallbackException(c);
            }
        }
    }
}
