package dev.smbco.protocol.auth;

/**
 * MS-NLMP NTLMv2 as a {@link SpnegoMechanism}: NEGOTIATE, then AUTHENTICATE for the server's
 * CHALLENGE; established once AUTHENTICATE is built. Always sends the mechListMIC with
 * AUTHENTICATE (MS-SPNG 3.1.5.1), as {@link Spnego} does.
 */
public final class NtlmMechanism implements SpnegoMechanism {
    private final NtlmClient ntlm;
    private boolean established;

    public NtlmMechanism(NtlmCredentials credentials, NtlmConfig config) {
        this.ntlm = new NtlmClient(credentials, config);
    }

    @Override
    public String oid() {
        return SpnegoToken.NTLMSSP_OID;
    }

    @Override
    public byte[] initialToken() {
        return ntlm.negotiate();
    }

    @Override
    public byte[] step(byte[] serverToken) {
        if (established) {
            return null; // nothing follows AUTHENTICATE
        }
        byte[] authenticate = ntlm.authenticate(serverToken);
        established = true;
        return authenticate;
    }

    @Override
    public boolean isEstablished() {
        return established;
    }

    @Override
    public byte[] sessionKey() {
        return ntlm.exportedSessionKey();
    }

    @Override
    public byte[] getMic(byte[] data) {
        return ntlm.sealing().getMic(data);
    }

    @Override
    public boolean verifyMic(byte[] data, byte[] mic) {
        return ntlm.sealing().verifyMic(data, mic);
    }

    @Override
    public boolean alwaysSendsMic() {
        return true;
    }
}
