package dev.smbco.protocol.auth;

/**
 * One GSS mechanism as {@link SpnegoInitiator} drives it (RFC 4178 3.2): the mechanism's own
 * tokens go in and out of the SPNEGO envelopes, and its per-message integrity protects the
 * mechanism list (the mechListMIC, RFC 4178 5). Kerberos lives in the client module (it needs
 * the JDK's GSS-API and a KDC); NTLM is {@link NtlmMechanism}. Not thread-safe; one per logon.
 */
public interface SpnegoMechanism {

    /** The mechanism OID as offered in mechTypes (dotted). */
    String oid();

    /**
     * Whether {@code oid} names this mechanism when the server chooses it (Kerberos answers to
     * both the standard and Microsoft's legacy OID).
     */
    default boolean answersTo(String oid) {
        return oid().equals(oid);
    }

    /** The mechanism's first token (the optimistic mechToken, or the first token after the server chose it). */
    byte[] initialToken();

    /**
     * Processes the server's mechanism token; returns the next token or {@code null} when there
     * is none to send.
     *
     * @throws AuthProtocolException if the token is refused (bad AP-REP, tampered CHALLENGE, ...)
     */
    byte[] step(byte[] serverToken);

    /** Whether the security context is established (keys and MICs are available). */
    boolean isEstablished();

    /** The GSS session key (a copy); empty for anonymous. */
    byte[] sessionKey();

    /** GSS_GetMIC over {@code data}. */
    byte[] getMic(byte[] data);

    /** GSS_VerifyMIC over {@code data}. */
    boolean verifyMic(byte[] data, byte[] mic);

    /** Whether the client must send a mechListMIC with its last token even when the server chose our first mechanism. */
    default boolean alwaysSendsMic() {
        return false;
    }
}
