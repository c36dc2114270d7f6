package dev.smbco.client.lease;

import dev.smbco.coro.Request;

/**
 * Told when the server breaks a file's lease (or oplock). Runs on the connection's event loop and
 * must not block. What it returns is what the client waits for before it acknowledges the break:
 * the place to write back dirty data (start the writes or a FLUSH and return their request).
 * Return {@code null} to let the acknowledgment go at once.
 *
 * <p>The server waits only so long for the acknowledgment (Samba: 35 s by default, MS-SMB2
 * 3.3.2.5 the oplock break acknowledgment timer), so the returned work should be short; the
 * client acknowledges when it completes, whether it succeeded or failed.
 */
@FunctionalInterface
public interface LeaseBreakListener {
    /**
     * Handles one break notification (MS-SMB2 2.2.23.2 lease break, 2.2.23.1 oplock break).
     *
     * @param event the file, the state the lease had and the state the server breaks it to
     * @return work the acknowledgment waits for, or {@code null} to acknowledge at once
     */
    Request<?> onBreak(LeaseBreak event);
}
