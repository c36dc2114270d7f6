package dev.smbco.client;

/**
 * A reconnection found the server offering less than the connection had before: a lower dialect,
 * signing no longer required, or no cipher where there was one. The client refuses it rather than
 * carry on silently weaker (the drop may be an attacker's way to force a downgrade); the
 * reconnection gives up and everything waiting fails with this.
 */
public class SmbDowngradeException extends SmbProtocolException {
    /**
     * With a message.
     *
     * @param message what the server negotiated against what was required
     */
    public SmbDowngradeException(String message) {
        super(message);
    }
}
