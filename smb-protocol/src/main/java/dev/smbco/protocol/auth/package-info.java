/**
 * Authentication for SMB2 SESSION_SETUP: MS-NLMP NTLMv2 (messages, MIC, key exchange, session
 * security for the mechListMIC) inside RFC 4178 / MS-SPNG SPNEGO, behind
 * {@link dev.smbco.protocol.auth.Authenticator}; start with
 * {@link dev.smbco.protocol.auth.Spnego#ntlm(NtlmCredentials)}. Several mechanisms (Kerberos first,
 * NTLM second) are negotiated by {@link dev.smbco.protocol.auth.SpnegoInitiator} over
 * {@link dev.smbco.protocol.auth.SpnegoMechanism}s; the Kerberos mechanism itself lives in the
 * client (it needs the JDK's GSS-API and a KDC). NTLMv1 and LM responses are never
 * produced. ASN.1 is built and parsed with BouncyCastle; MD4 and RC4 come from BouncyCastle too.
 */
package dev.smbco.protocol.auth;
