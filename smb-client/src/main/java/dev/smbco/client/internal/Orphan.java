package dev.smbco.client.internal;

/**
 * A request's value that holds a server resource (an open handle). When the value arrives after
 * its request has already ended (timed out, cancelled) nobody will ever see it, so the sender
 * calls {@link #orphaned()} to give the resource back (e.g. send CLOSE).
 */
public interface Orphan {
    void orphaned();
}
