package dev.smbco.client.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the JDK's Kerberos finds krb5.conf: the system property {@code java.security.krb5.conf}
 * if set, else the first file of {@code KRB5_CONFIG} (the variable MIT Kerberos reads; the JDK
 * itself does not, so it is copied into the property), else {@code /etc/krb5.conf}. A missing
 * file is one clear error before any KDC traffic, unless {@code java.security.krb5.realm} and
 * {@code java.security.krb5.kdc} name the realm and KDC without one.
 */
final class Krb5Conf {
    static final String PROPERTY = "java.security.krb5.conf";

    private Krb5Conf() {
    }

    /**
     * Makes sure the JDK will read a krb5.conf that exists; returns the path used.
     *
     * @throws KerberosFailure if there is none
     */
    static synchronized Optional<Path> ensure() {
        if (System.getProperty("java.security.krb5.realm") != null && System.getProperty("java.security.krb5.kdc") != null) {
            return Optional.empty();
        }
        String property = System.getProperty(PROPERTY);
        if (property != null) {
            return Optional.of(exists(Path.of(property), "the system property " + PROPERTY));
        }
        String env = System.getenv("KRB5_CONFIG");
        if (env != null && !env.isBlank()) {
            Path first = Path.of(env.split(":")[0]);
            exists(first, "KRB5_CONFIG");
            System.setProperty(PROPERTY, first.toString());
            return Optional.of(first);
        }
        return Optional.of(exists(Path.of("/etc/krb5.conf"), "the default location (set KRB5_CONFIG or -D" + PROPERTY + ")"));
    }

    private static Path exists(Path p, String from) {
        if (!Files.isRegularFile(p)) {
            throw new KerberosFailure("no krb5.conf: " + p + " (from " + from + ") does not exist", null);
        }
        return p;
    }
}
