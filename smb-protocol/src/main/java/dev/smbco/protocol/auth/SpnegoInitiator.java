package dev.smbco.protocol.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4178 / MS-SPNG SPNEGO initiator over several mechanisms, preferred first (for a Kerberos
 * logon: Kerberos, then NTLM when a fallback is allowed). NEGOEX is not offered.
 *
 * <pre>
 * initialToken():  negTokenInit { mechTypes [m1, m2...], mechToken m1.initialToken() }   (optimistic)
 * step(resp):      the server accepted m1: m1.step(responseToken) (e.g. Kerberos AP-REP, mutual auth)
 *                  the server chose m2 (supportedMech): negTokenResp { responseToken m2.initialToken() },
 *                  and from then on a mechListMIC is required both ways (RFC 4178 5, downgrade protection)
 *                  a server mechListMIC is verified with the chosen mechanism over the DER mechTypes
 * </pre>
 * Not thread-safe; one per session setup.
 */
public final class SpnegoInitiator implements Authenticator {
    private enum State { NEW, NEGOTIATING, COMPLETE }

    private final List<SpnegoMechanism> mechanisms;
    private final List<String> mechTypes;
    private SpnegoMechanism chosen;
    private boolean switched;
    private boolean micSent;
    private State state = State.NEW;

    private SpnegoInitiator(List<SpnegoMechanism> mechanisms) {
        if (mechanisms.isEmpty()) {
            throw new IllegalArgumentException("SPNEGO needs at least one mechanism");
        }
        this.mechanisms = List.copyOf(mechanisms);
        List<String> oids = new ArrayList<>();
        for (SpnegoMechanism m : this.mechanisms) {
            oids.add(m.oid());
        }
        this.mechTypes = List.copyOf(oids);
    }

    /** An initiator offering {@code mechanisms} in this order; the first one's token goes out optimistically. */
    public static SpnegoInitiator of(List<SpnegoMechanism> mechanisms) {
        return new SpnegoInitiator(mechanisms);
    }

    /** The mechTypes we offer (dotted OIDs, preferred first). */
    public List<String> mechTypes() {
        return mechTypes;
    }

    /** The mechanism the server accepted (the first one until the server says otherwise). */
    public SpnegoMechanism chosen() {
        return chosen;
    }

    @Override
    public byte[] initialToken() {
        if (state != State.NEW) {
            throw new IllegalStateException("initialToken() is called once, first");
        }
        chosen = mechanisms.get(0);
        byte[] token = chosen.initialToken();
        state = State.NEGOTIATING;
        return new NegTokenInit(mechTypes, token, null).encode();
    }

    @Override
    public byte[] step(byte[] serverToken) {
        if (state == State.NEW) {
            throw new IllegalStateException("call initialToken() first");
        }
        if (state == State.COMPLETE) {
            throw new IllegalStateException("the exchange is already complete");
        }
        if (serverToken == null || serverToken.length == 0) {
            if (chosen.isEstablished() && !switched) {
                state = State.COMPLETE; // a final response without a token: nothing left to check
                return null;
            }
            throw new AuthProtocolException("the server sent no SPNEGO token where one was needed");
        }
        NegTokenResp resp = expectResp(serverToken);
        if (resp.negState() == NegTokenResp.NegState.REJECT) {
            throw new AuthProtocolException("the server rejected the SPNEGO negotiation (offered " + names() + ")");
        }
        if (resp.supportedMech() != null && !chosen.answersTo(resp.supportedMech())) {
            return switchTo(resp.supportedMech());
        }
        byte[] out = null;
        if (resp.responseToken() != null) {
            out = chosen.step(resp.responseToken());
        }
        byte[] mechTypeList = NegTokenInit.mechTypeListDer(mechTypes);
        if (resp.mechListMic() != null && chosen.isEstablished()) {
            if (!chosen.verifyMic(mechTypeList, resp.mechListMic())) {
                throw new AuthProtocolException("the server's SPNEGO mechListMIC does not verify (tampered negotiation or wrong key)");
            }
        }
        if (resp.negState() == NegTokenResp.NegState.ACCEPT_COMPLETED || (resp.negState() == null && out == null)) {
            if (!chosen.isEstablished()) {
                throw new AuthProtocolException("the server completed SPNEGO before the " + name(chosen.oid()) + " context was established");
            }
            if (switched && resp.mechListMic() == null) {
                throw new AuthProtocolException("the server chose " + name(chosen.oid())
                        + " over our preferred mechanism but sent no mechListMIC to prove the choice was not forced");
            }
            state = State.COMPLETE;
            return null; // a mechanism token after accept-completed cannot be sent in SMB
        }
        byte[] mic = null;
        if (chosen.isEstablished() && !micSent && (switched || chosen.alwaysSendsMic()
                || resp.negState() == NegTokenResp.NegState.REQUEST_MIC || resp.mechListMic() != null)) {
            mic = chosen.getMic(mechTypeList);
            micSent = true;
        }
        if (out == null && mic == null) {
            throw new AuthProtocolException("the server asks for more (" + resp.negState() + ") but " + name(chosen.oid()) + " has nothing more to send");
        }
        return new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, null, out, mic).encode();
    }

    private byte[] switchTo(String oid) {
        if (switched || micSent) {
            throw new AuthProtocolException("the server changed the SPNEGO mechanism twice (now " + name(oid) + ")");
        }
        for (SpnegoMechanism m : mechanisms) {
            if (m.answersTo(oid)) {
                chosen = m;
                switched = true;
                return new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, null, m.initialToken(), null).encode();
            }
        }
        throw new AuthProtocolException("the server chose " + name(oid) + ", which we did not offer (offered " + names() + ")");
    }

    private static NegTokenResp expectResp(byte[] serverToken) {
        SpnegoToken token = SpnegoToken.decode(serverToken);
        if (token instanceof NegTokenResp resp) {
            return resp;
        }
        throw new AuthProtocolException("the server answered with a negTokenInit where a negTokenResp belongs");
    }

    private String names() {
        List<String> names = new ArrayList<>();
        for (String oid : mechTypes) {
            names.add(name(oid));
        }
        return String.join(", ", names);
    }

    /** A readable name for the mechanisms we know, else the OID. */
    static String name(String oid) {
        return switch (oid) {
            case SpnegoToken.KRB5_OID, SpnegoToken.MS_KRB5_OID -> "Kerberos";
            case SpnegoToken.NTLMSSP_OID -> "NTLM";
            case SpnegoToken.NEGOEX_OID -> "NEGOEX";
            default -> oid;
        };
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    @Override
    public byte[] sessionKey() {
        if (chosen == null || !chosen.isEstablished()) {
            throw new IllegalStateException("no session key before the security context is established");
        }
        return chosen.sessionKey();
    }

    @Override
    public boolean isAnonymous() {
        return false;
    }

    @Override
    public boolean isGuest() {
        return false;
    }

    @Override
    public String toString() {
        return "SpnegoInitiator[" + names() + ", chosen=" + (chosen == null ? "none" : name(chosen.oid())) + ", " + state + "]";
    }
}
