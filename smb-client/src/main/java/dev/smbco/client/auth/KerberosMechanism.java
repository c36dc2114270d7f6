package dev.smbco.client.auth;

import com.sun.security.jgss.ExtendedGSSContext;
import com.sun.security.jgss.InquireType;
import dev.smbco.protocol.auth.AuthProtocolException;
import dev.smbco.protocol.auth.SpnegoMechanism;
import dev.smbco.protocol.auth.SpnegoToken;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.security.auth.Subject;
import javax.security.auth.kerberos.EncryptionKey;
import org.ietf.jgss.GSSContext;
import org.ietf.jgss.GSSException;
import org.ietf.jgss.GSSManager;
import org.ietf.jgss.GSSName;
import org.ietf.jgss.MessageProp;
import org.ietf.jgss.Oid;

/**
 * The Kerberos 5 GSS mechanism (RFC 4121) of the JDK as a {@link SpnegoMechanism}: the first
 * token is the AP-REQ for the server's principal (mutual authentication, integrity and
 * confidentiality requested), the server's AP-REP completes the context, and the session key
 * for SMB key derivation (MS-SMB2 3.2.5.3.1) is the context key — the acceptor's subkey when it
 * sent one — from {@link ExtendedGSSContext#inquireSecContext} with
 * {@link InquireType#KRB5_GET_SESSION_KEY_EX} (module {@code jdk.security.jgss}).
 *
 * <p>The first token needs the KDC (an AS exchange for a password logon, a TGS exchange for the
 * service ticket): it is computed on a virtual thread of its own, and waited for at most
 * {@code kdcTimeout} — a KDC that does not answer is a {@link KerberosFailure}, never a hang.
 * The caller (session setup's coroutine) is itself off the event loop.
 */
final class KerberosMechanism implements SpnegoMechanism {
    private static final Oid KRB5 = oid(SpnegoToken.KRB5_OID);
    private static final Oid KRB5_PRINCIPAL = oid("1.2.840.113554.1.2.2.1");

    private final KerberosIdentity identity;
    private final String targetName;
    private final Duration kdcTimeout;
    private GSSContext context;

    /**
     * @param targetName the server's principal: {@code cifs/host} (realm from krb5.conf's
     *                   domain_realm) or {@code cifs/host@REALM}
     */
    KerberosMechanism(KerberosIdentity identity, String targetName, Duration kdcTimeout) {
        this.identity = identity;
        this.targetName = targetName;
        this.kdcTimeout = kdcTimeout;
    }

    @Override
    public String oid() {
        return SpnegoToken.KRB5_OID;
    }

    @Override
    public boolean answersTo(String oid) {
        return SpnegoToken.KRB5_OID.equals(oid) || SpnegoToken.MS_KRB5_OID.equals(oid);
    }

    @Override
    public byte[] initialToken() {
        Krb5Conf.ensure();
        CompletableFuture<byte[]> first = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("smbco-kerberos").start(() -> {
            try {
                first.complete(firstToken());
            } catch (Throwable e) {
                first.completeExceptionally(e);
            }
        });
        try {
            return first.get(kdcTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            throw new KerberosFailure("the KDC did not answer within " + kdcTimeout.toMillis() + " ms (KDC unreachable) for "
                    + identity.display(), e);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new KerberosFailure("interrupted while waiting for the KDC", e);
        } catch (ExecutionException e) {
            throw KerberosErrors.map(identity.display() + " to " + targetName, e.getCause());
        }
    }

    /** Logon (if need be) and the AP-REQ, as the logged-on Subject. */
    private byte[] firstToken() throws Exception {
        Subject subject = KerberosLogin.subject(identity);
        return Subject.callAs(subject, () -> {
            GSSManager manager = GSSManager.getInstance();
            GSSContext ctx = manager.createContext(serverName(manager), KRB5, null, GSSContext.DEFAULT_LIFETIME);
            ctx.requestMutualAuth(true);
            ctx.requestInteg(true);
            ctx.requestConf(true);
            ctx.requestCredDeleg(false);
            byte[] token = ctx.initSecContext(new byte[0], 0, 0);
            context = ctx;
            return token;
        });
    }

    /** {@code cifs/host} as a host-based service (realm by domain_realm), {@code cifs/host@REALM} as a principal name. */
    private GSSName serverName(GSSManager manager) throws GSSException {
        int slash = targetName.indexOf('/');
        if (targetName.indexOf('@') > slash || slash < 0) {
            return manager.createName(targetName, KRB5_PRINCIPAL);
        }
        return manager.createName(targetName.substring(0, slash) + "@" + targetName.substring(slash + 1), GSSName.NT_HOSTBASED_SERVICE);
    }

    @Override
    public byte[] step(byte[] serverToken) {
        if (context == null) {
            throw new IllegalStateException("initialToken() first");
        }
        if (context.isEstablished()) {
            return null;
        }
        try {
            byte[] out = context.initSecContext(serverToken, 0, serverToken.length);
            if (context.isEstablished() && !context.getMutualAuthState()) {
                throw new AuthProtocolException("Kerberos: the server did not authenticate itself (no mutual authentication)");
            }
            return out == null || out.length == 0 ? null : out;
        } catch (GSSException e) {
            if (e.getMajor() == GSSException.DEFECTIVE_TOKEN || e.getMajor() == GSSException.BAD_MIC) {
                throw new AuthProtocolException("Kerberos: the server's AP-REP does not verify (" + e.getMessage() + ")");
            }
            throw KerberosErrors.map(identity.display() + " to " + targetName, e);
        }
    }

    @Override
    public boolean isEstablished() {
        return context != null && context.isEstablished();
    }

    @Override
    public byte[] sessionKey() {
        if (!isEstablished()) {
            throw new IllegalStateException("no Kerberos session key before the context is established");
        }
        try {
            EncryptionKey key = (EncryptionKey) ((ExtendedGSSContext) context).inquireSecContext(InquireType.KRB5_GET_SESSION_KEY_EX);
            return key.getEncoded();
        } catch (GSSException e) {
            throw new AuthProtocolException("Kerberos: the JDK gave no session key (" + e.getMessage() + ")");
        }
    }

    @Override
    public byte[] getMic(byte[] data) {
        try {
            return context.getMIC(data, 0, data.length, new MessageProp(0, false));
        } catch (GSSException e) {
            throw new AuthProtocolException("Kerberos: GSS_GetMIC failed (" + e.getMessage() + ")");
        }
    }

    @Override
    public boolean verifyMic(byte[] data, byte[] mic) {
        try {
            context.verifyMIC(mic, 0, mic.length, data, 0, data.length, new MessageProp(0, false));
            return true;
        } catch (GSSException e) {
            return false;
        }
    }

    private static Oid oid(String dotted) {
        try {
            return new Oid(dotted);
        } catch (GSSException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public String toString() {
        return "KerberosMechanism[" + identity.display() + " -> " + targetName + "]";
    }
}
