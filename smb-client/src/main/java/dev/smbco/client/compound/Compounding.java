package dev.smbco.client.compound;

import dev.smbco.protocol.Dialect;
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
 *
 * <p>A connection that negotiated SMB 2.0.2 sends no compounds ({@link #negotiated}): impacket's
 * smbserver, which speaks only 2.0.2, signs each part of a compound response before it fills in
 * NextCommand and the padding, so every signed compound answer fails verification and, as it
 * must, takes the connection down. There is no way to recover from that on the same connection,
 * and no way to tell such a server from a good one before it answers; 2.0.2 servers (Vista, 2008,
 * old firmware) are the least proven with compounds anyway. They lose round trips, nothing else.
 */
public final class Compounding {
    private static final Logger log = LoggerFactory.getLogger(Compounding.class);

    private final String peer;
    private volatile boolean on;

    public Compounding(boolean enabled, String peer) {
        this.on = enabled;
        this.peer = peer;
    }

    /** Called once NEGOTIATE has chosen {@code dialect}: SMB 2.0.2 turns compounding off (see above). */
    public void negotiated(Dialect dialect) {
        if (on && dialect == Dialect.SMB2_02) {
            on = false;
            log.debug("{}: SMB 2.0.2 negotiated; sending separate requests, not compounds", peer);
        }
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
