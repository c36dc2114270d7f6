package dev.smbco.client.lease;

/**
 * A lease (or oplock) break as a {@link LeaseBreakListener} sees it (MS-SMB2 2.2.23.2 / 2.2.23.1).
 *
 * @param unc         {@code \\host\share\path} of the file whose lease breaks
 * @param from        the state held before the break
 * @param to          the state the server breaks it to; the client holds this once it has acknowledged
 * @param ackRequired the server waits for an acknowledgment (the client sends it after the listeners' work)
 * @param oplock      the break is an oplock break (a server without leasing), not a lease break
 */
public record LeaseBreak(String unc, LeaseState from, LeaseState to, boolean ackRequired, boolean oplock) {
}
