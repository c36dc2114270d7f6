package dev.smbco.protocol.auth;

import java.util.List;

/**
 * MS-SPNG / RFC 4178 SPNEGO initiator with NTLM (MS-NLMP) as its only mechanism.
 *
 * <pre>
 * initialToken():  InitialContextToken { negTokenInit { mechTypes [NTLMSSP], mechToken NEGOTIATE } }
 * step(challenge): negTokenResp { accept-incomplete, responseToken AUTHENTICATE, mechListMIC }
 * step(final):     verifies the server's mechListMIC (when sent); returns null
 * </pre>
 * mechListMIC = NTLM GSS_GetMIC (sequence number 0) over the DER MechTypeList we sent
 * (MS-SPNG 3.1.5.1, MS-NLMP 3.4.4.2). Anonymous logons send and check no mechListMIC.
 */
public final class Spnego implements Authenticator {
    private static final List<String> MECH_TYPES = List.of(SpnegoToken.NTLMSSP_OID);

    private enum State { NEW, SENT_INIT, SENT_AUTH, COMPLETE }

    private final NtlmCredentials credentials;
    private final NtlmClient ntlm;
    private State state = State.NEW;

    private Spnego(NtlmCredentials credentials, NtlmConfig config) {
        this.credentials = credentials;
        this.ntlm = new NtlmClient(credentials, config);
    }

    /** SPNEGO-wrapped NTLMv2 with default settings (no MsvAvTargetName). */
    public static Authenticator ntlm(NtlmCredentials credentials) {
        return new Spnego(credentials, NtlmConfig.defaults());
    }

    /** SPNEGO-wrapped NTLMv2 with explicit settings, e.g. {@code NtlmConfig.defaults().withTargetName("cifs/" + host)}. */
    public static Authenticator ntlm(NtlmCredentials credentials, NtlmConfig config) {
        return new Spnego(credentials, config);
    }

    @Override
    public byte[] initialToken() {
        if (state != State.NEW) {
            throw new IllegalStateException("initialToken() is called once, first");
        }
        byte[] negotiate = ntlm.negotiate();
        state = State.SENT_INIT;
        return new NegTokenInit(MECH_TYPES, negotiate, null).encode();
    }

    @Override
    public byte[] step(byte[] serverToken) {
        return switch (state) {
            case NEW -> throw new IllegalStateException("call initialToken() first");
            case SENT_INIT -> answerChallenge(serverToken);
            case SENT_AUTH -> finish(serverToken);
            case COMPLETE -> throw new IllegalStateException("the exchange is already complete");
        };
    }

    private byte[] answerChallenge(byte[] serverToken) {
        NegTokenResp resp = expectResp(serverToken);
        if (resp.negState() == NegTokenResp.NegState.REJECT) {
            throw new AuthProtocolException("the server rejected the SPNEGO negotiation");
        }
        if (resp.supportedMech() != null && !SpnegoToken.NTLMSSP_OID.equals(resp.supportedMech())) {
            throw new AuthProtocolException("the server chose mechanism " + resp.supportedMech() + ", we offered only NTLMSSP");
        }
        if (resp.responseToken() == null) {
            throw new AuthProtocolException("the server's SPNEGO answer carries no NTLM CHALLENGE");
        }
        byte[] authenticate = ntlm.authenticate(resp.responseToken());
        byte[] mic = credentials.isAnonymous() ? null : ntlm.sealing().getMic(NegTokenInit.mechTypeListDer(MECH_TYPES));
        state = State.SENT_AUTH;
        return new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, null, authenticate, mic).encode();
    }

    private byte[] finish(byte[] serverToken) {
        if (serverToken != null && serverToken.length > 0) {
            NegTokenResp resp = expectResp(serverToken);
            if (resp.negState() != null && resp.negState() != NegTokenResp.NegState.ACCEPT_COMPLETED) {
                throw new AuthProtocolException("the server ended SPNEGO with " + resp.negState() + " instead of accept-completed");
            }
            byte[] mic = resp.mechListMic();
            if (mic != null && !credentials.isAnonymous()
                    && !ntlm.sealing().verifyMic(NegTokenInit.mechTypeListDer(MECH_TYPES), mic)) {
                throw new AuthProtocolException("the server's SPNEGO mechListMIC does not verify (tampered negotiation or wrong key)");
            }
        }
        state = State.COMPLETE;
        return null;
    }

    private static NegTokenResp expectResp(byte[] serverToken) {
        if (serverToken == null || serverToken.length == 0) {
            throw new AuthProtocolException("the server sent no SPNEGO token where one was needed");
        }
        SpnegoToken token = SpnegoToken.decode(serverToken);
        if (token instanceof NegTokenResp resp) {
            return resp;
        }
        throw new AuthProtocolException("the server answered with a negTokenInit where a negTokenResp belongs");
    }

    @Override
    public boolean isComplete() {
        return state == State.COMPLETE;
    }

    @Override
    public byte[] sessionKey() {
        if (state != State.SENT_AUTH && state != State.COMPLETE) {
            throw new IllegalStateException("no session key before the AUTHENTICATE token is built");
        }
        return ntlm.exportedSessionKey();
    }

    @Override
    public boolean isAnonymous() {
        return credentials.isAnonymous();
    }

    @Override
    public boolean isGuest() {
        return credentials.isGuest();
    }

    @Override
    public String toString() {
        return "Spnego[NTLM, " + credentials + ", " + state + "]";
    }
}
