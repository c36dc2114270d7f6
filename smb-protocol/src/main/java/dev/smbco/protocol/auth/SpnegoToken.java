package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;

/**
 * RFC 4178 SPNEGO NegotiationToken: {@link NegTokenInit} (sent wrapped in the GSS-API
 * InitialContextToken of RFC 2743 3.1) or {@link NegTokenResp}.
 */
public sealed interface SpnegoToken permits NegTokenInit, NegTokenResp {
    /** SPNEGO mechanism OID (the InitialContextToken's thisMech). */
    String SPNEGO_OID = "1.3.6.1.5.5.2";
    /** NTLMSSP mechanism OID. */
    String NTLMSSP_OID = "1.3.6.1.4.1.311.2.2.10";
    /** NEGOEX mechanism OID (Windows servers list it first). */
    String NEGOEX_OID = "1.3.6.1.4.1.311.2.2.30";
    /** Kerberos 5 and Microsoft's legacy Kerberos OIDs. */
    String KRB5_OID = "1.2.840.113554.1.2.2";
    String MS_KRB5_OID = "1.2.840.48018.1.2.2";

    /** The DER bytes as they go on the wire. */
    byte[] encode();

    /**
     * Decodes either form by its first byte: 0x60 (InitialContextToken with NegTokenInit),
     * 0xA0 (bare NegTokenInit) or 0xA1 (NegTokenResp).
     *
     * @throws SmbDecodeException for anything else or a malformed token
     */
    static SpnegoToken decode(byte[] token) {
        if (token == null || token.length == 0) {
            throw new SmbDecodeException("SPNEGO token", "token", "is empty");
        }
        return switch (token[0] & 0xFF) {
            case 0x60, 0xA0 -> NegTokenInit.decode(token);
            case 0xA1 -> NegTokenResp.decode(token);
            default -> throw new SmbDecodeException("SPNEGO token", "NegotiationToken",
                    String.format("starts with 0x%02X, neither an InitialContextToken (0x60) nor negTokenInit/negTokenResp (0xA0/0xA1)", token[0] & 0xFF));
        };
    }
}
