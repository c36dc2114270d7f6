package dev.smbco.protocol.auth;

/**
 * The security exchange cannot go on: the server rejected it, chose a mechanism we did not
 * offer, lacks something NTLMv2 needs (Unicode, extended session security, TargetInfo), or its
 * mechListMIC did not verify. Unchecked; the message never contains secrets. Malformed tokens
 * are reported as {@link dev.smbco.protocol.SmbDecodeException} instead.
 */
public final class AuthProtocolException extends RuntimeException {
    public AuthProtocolException(String message) {
        super(message);
    }
}
