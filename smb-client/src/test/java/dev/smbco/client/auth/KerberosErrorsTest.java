package dev.smbco.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import javax.security.auth.login.LoginException;
import org.ietf.jgss.GSSException;
import org.junit.jupiter.api.Test;

/**
 * The JDK's Kerberos failures, shaped as it throws them (a LoginException or GSSException whose
 * message, or whose cause's, ends with the RFC 4120 code in parentheses; JDK-internal codes from
 * 900 up further in), mapped to one line that names the error.
 */
class KerberosErrorsTest {

    private static Throwable chain(Throwable outer, Throwable cause) {
        outer.initCause(cause);
        return outer;
    }

    @Test
    void aWrongPasswordIsNamedByTheKdcsCodeNotTheJdksAsn1Detail() {
        Throwable e = chain(new LoginException("Pre-authentication information was invalid (24)"),
                new IOException("Identifier doesn't match expected value (906)"));
        KerberosFailure f = KerberosErrors.map("alice@CORP", e);
        assertThat(f.getMessage()).startsWith("wrong password (KDC_ERR_PREAUTH_FAILED) for alice@CORP")
                .contains("[Pre-authentication information was invalid (24)]");
        assertThat(f.getCause()).isSameAs(e);
    }

    @Test
    void gssMessagesCarryTheCodeInsideTheirMechanismPart() {
        // as the JDK's krb5 mechanism builds it: "No valid credentials provided (Mechanism level: ... (7))"
        GSSException e = new GSSException(GSSException.NO_CRED, -1, "Server not found in Kerberos database (7)");
        assertThat(e.getMessage()).contains("Mechanism level");
        assertThat(KerberosErrors.map("a", e).getMessage()).startsWith("the server's principal (SPN) is unknown to the KDC (KDC_ERR_S_PRINCIPAL_UNKNOWN)");
    }

    @Test
    void theCodesAClientMeets() {
        assertThat(KerberosErrors.describe(6)).contains("unknown principal").contains("KDC_ERR_C_PRINCIPAL_UNKNOWN");
        assertThat(KerberosErrors.describe(37)).contains("clock skew").contains("KRB_AP_ERR_SKEW");
        assertThat(KerberosErrors.describe(18)).contains("disabled or locked").contains("KDC_ERR_CLIENT_REVOKED");
        assertThat(KerberosErrors.describe(23)).contains("expired").contains("KDC_ERR_KEY_EXPIRED");
        assertThat(KerberosErrors.describe(32)).contains("ticket has expired");
        assertThat(KerberosErrors.describe(99)).isEqualTo("Kerberos error 99");
    }

    @Test
    void anUnreachableOrSilentKdcIsNamedAsSuch() {
        assertThat(KerberosErrors.map("a", chain(new LoginException("Receive timed out"), new SocketTimeoutException("Receive timed out")))
                .getMessage()).startsWith("the KDC did not answer (KDC unreachable)");
        assertThat(KerberosErrors.map("a", chain(new LoginException("ICMP Port Unreachable"), new PortUnreachableException("ICMP Port Unreachable")))
                .getMessage()).startsWith("the KDC is unreachable");
        assertThat(KerberosErrors.map("a", new LoginException("Cannot locate default realm")).getMessage())
                .startsWith("krb5.conf names no default realm or no KDC");
    }

    @Test
    void aFailureAlreadyInWordsPassesThrough() {
        KerberosFailure f = new KerberosFailure("no krb5.conf: /x (from KRB5_CONFIG) does not exist", null);
        assertThat(KerberosErrors.map("a", f)).isSameAs(f);
    }
}
