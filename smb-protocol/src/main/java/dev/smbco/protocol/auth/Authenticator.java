package dev.smbco.protocol.auth;

/**
 * A GSS-style security exchange as SMB2 SESSION_SETUP carries it (MS-SMB2 3.2.5.3): the client
 * sends {@link #initialToken()}, then feeds every server token to {@link #step(byte[])} and
 * sends what it returns, until the exchange is complete. Not thread-safe; one per session setup.
 */
public interface Authenticator {

    /** The first token (SESSION_SETUP request 1 SecurityBuffer). Called once. */
    byte[] initialToken();

    /**
     * Processes the server's token (the SESSION_SETUP response SecurityBuffer; may be empty or
     * null on the final response) and returns the next token to send, or {@code null} when
     * nothing more is to be sent (then {@link #isComplete()} is true).
     *
     * @throws dev.smbco.protocol.SmbDecodeException if the server's token is malformed
     * @throws AuthProtocolException if the server rejects us or fails verification
     */
    byte[] step(byte[] serverToken);

    /** Whether the exchange has finished successfully on our side. */
    boolean isComplete();

    /**
     * The GSS session key (for NTLM the exported session key, 16 bytes), available once the
     * final client token has been produced; an empty array for anonymous logons (no signing).
     * A copy.
     *
     * @throws IllegalStateException before it is known
     */
    byte[] sessionKey();

    /** Whether this is an anonymous (NULL session) logon. */
    boolean isAnonymous();

    /** Whether guest credentials are used (whether the server made us guest is in SessionFlags). */
    boolean isGuest();
}
