package dev.smbco.cli.demo;

/**
 * A throwaway Samba for the demo: where it listens, the user to log on as, and how to get rid of it.
 * {@link #stop()} is idempotent and never throws (it runs from finally blocks and the Ctrl-C hook).
 */
sealed interface DemoServer extends AutoCloseable permits ContainerServer, LocalSmbd {
    String host();

    int port();

    String user();

    String password();

    /** "container abc123 (localhost/smbco-samba:latest)" or "local smbd (pid 123)". */
    String describe();

    void stop();

    @Override
    default void close() {
        stop();
    }
}
