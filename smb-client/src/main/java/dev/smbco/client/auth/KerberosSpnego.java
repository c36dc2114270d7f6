package dev.smbco.client.auth;

import dev.smbco.protocol.auth.NtlmConfig;
import dev.smbco.protocol.auth.NtlmCredentials;
import dev.smbco.protocol.auth.NtlmMechanism;
import dev.smbco.protocol.auth.SpnegoInitiator;
import dev.smbco.protocol.auth.SpnegoMechanism;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The SPNEGO initiator for a Kerberos logon: Kerberos first (its AP-REQ goes out optimistically),
 * NTLM second only when a fallback is allowed. Internal; session setup builds it.
 */
public final class KerberosSpnego {
    private KerberosSpnego() {
    }

    /**
     * @param targetName  the server principal, e.g. {@code cifs/fs1.corp.example}
     * @param kdcTimeout  how long the first token may wait for the KDC
     * @param ntlmFallback NTLM credentials to offer second, or null for Kerberos only
     */
    public static SpnegoInitiator create(KerberosIdentity identity, String targetName, Duration kdcTimeout, NtlmCredentials ntlmFallback) {
        List<SpnegoMechanism> mechs = new ArrayList<>();
        mechs.add(new KerberosMechanism(identity, targetName, kdcTimeout));
        if (ntlmFallback != null) {
            mechs.add(new NtlmMechanism(ntlmFallback, NtlmConfig.defaults()));
        }
        return SpnegoInitiator.of(mechs);
    }
}
