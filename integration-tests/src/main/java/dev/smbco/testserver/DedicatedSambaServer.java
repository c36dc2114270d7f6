package dev.smbco.testserver;

/**
 * A server that belongs to one test alone, which may therefore stop or kill it (to see how a
 * client copes with a server that goes away). Closing it stops it; both are idempotent.
 */
public interface DedicatedSambaServer extends SambaServer, AutoCloseable {
    /** Stops the server in an orderly way: smbd closes its connections and exits. */
    void stop();

    /** Kills the server at once (SIGKILL): connections die without an orderly close. */
    void kill();

    boolean isRunning();

    @Override
    default void close() {
        stop();
    }
}
