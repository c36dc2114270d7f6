package dev.smbco.client.auth;

import java.net.PortUnreachableException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ietf.jgss.GSSException;

/**
 * Turns what the JDK's Kerberos throws (a {@code LoginException} or {@code GSSException} around
 * its internal {@code KrbException}, whose message ends with the RFC 4120 7.5.9 error code in
 * parentheses) into one {@link KerberosFailure} that names the error: wrong password, unknown
 * principal, clock skew, KDC unreachable, ...
 */
final class KerberosErrors {
    private static final Pattern CODE = Pattern.compile("\\((\\d{1,3})\\)");

    private KerberosErrors() {
    }

    static KerberosFailure map(String who, Throwable e) {
        if (e instanceof KerberosFailure f) {
            return f;
        }
        String detail = detail(e);
        Integer code = code(e);
        String what = code == null ? unreachable(e) : describe(code);
        if (what == null && e instanceof GSSException g && g.getMajor() == GSSException.NO_CRED) {
            what = "no usable Kerberos ticket (empty or expired ticket cache? run kinit, or give a password)";
        }
        if (what == null) {
            what = "Kerberos error";
        }
        return new KerberosFailure(what + " for " + who + (detail == null ? "" : " [" + detail + "]"), e);
    }

    /** RFC 4120 7.5.9 error codes a client meets, in words with the protocol name. */
    static String describe(int code) {
        return switch (code) {
            case 6 -> "unknown principal (KDC_ERR_C_PRINCIPAL_UNKNOWN)";
            case 7 -> "the server's principal (SPN) is unknown to the KDC (KDC_ERR_S_PRINCIPAL_UNKNOWN)";
            case 12 -> "logon not allowed by policy (KDC_ERR_POLICY)";
            case 14 -> "no common encryption type with the KDC (KDC_ERR_ETYPE_NOSUPP)";
            case 18 -> "the account is disabled or locked out (KDC_ERR_CLIENT_REVOKED)";
            case 23 -> "the password has expired (KDC_ERR_KEY_EXPIRED)";
            case 24, 31 -> "wrong password (KDC_ERR_PREAUTH_FAILED)";
            case 32 -> "the ticket has expired (KRB_AP_ERR_TKT_EXPIRED)";
            case 37 -> "clock skew too great between this machine and the KDC or server (KRB_AP_ERR_SKEW)";
            case 41 -> "the server could not decrypt the ticket (KRB_AP_ERR_MODIFIED: wrong SPN or stale server key)";
            case 68 -> "wrong realm (KDC_ERR_WRONG_REALM)";
            default -> "Kerberos error " + code;
        };
    }

    private static String unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return "the KDC did not answer (KDC unreachable)";
            }
            if (t instanceof PortUnreachableException || t instanceof UnknownHostException
                    || (t instanceof SocketException && !(t instanceof PortUnreachableException))) {
                return "the KDC is unreachable";
            }
            String m = t.getMessage();
            if (m != null && (m.contains("Cannot locate default realm") || m.contains("Cannot locate KDC"))) {
                return "krb5.conf names no default realm or no KDC for the realm";
            }
        }
        return null;
    }

    /**
     * The RFC 4120 error code of the outermost message that carries one ("... (24)"). Codes of 100
     * and above are the JDK's own (906: an ASN.1 detail of parsing the KDC's error), not the KDC's.
     */
    private static Integer code(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                Integer last = null;
                Matcher matcher = CODE.matcher(m);
                while (matcher.find()) {
                    int c = Integer.parseInt(matcher.group(1));
                    if (c < 100) {
                        last = c;
                    }
                }
                if (last != null) {
                    return last;
                }
            }
        }
        return null;
    }

    /** The outermost message the JDK gave (no password is ever in it). */
    private static String detail(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return null;
    }
}
