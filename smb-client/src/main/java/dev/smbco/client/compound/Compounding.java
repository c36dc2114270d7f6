package dev.smbco.client.compound;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether one connection sends chains as compounds: on when the configuration says so
 * ({@code SmbConfig.compounding}), until the server shows that it rejects them. Thread-safe.
 *
 * <p>A server that cannot handle compounds answers them with STATUS_INVALID_PARAMETER or
 * STATUS_INTERNAL_ERROR; the chain is then done again as separate requests, and when those succeed
 * the compound was to blame: the connection sends separate requests from then on (logged once,
 * at debug). When they fail the same way the compound was not to blame and compounding stays on.
 */
public final class Compounding {
    private static final Logger log = LoggerFactory.getLogger(Compounding.class);

    private final String peer;
    private volatile boolean on;

    public Compounding(boolean enabled, String peer) {
        this.on = enabled;
        this.peer = peer;
    }

    /** Whether chains travel as compounds now. */
    public boolean enabled() {
        return on;
    }

    /** The server rejected a compound that succeeded as separate requests: no more compounds here. */
    void rejectedBy(String what, int status) {
        if (on) {
            on = false;
            log.debug("{}: the server rejected a compound ({}: 0x{}) that succeeded as separate requests; "
                    + "sending separate requests on this connection from now on", peer, what, Integer.toHexString(status));
        }
    }
}
