package dev.smbco.testserver;

/** Where a {@link SambaServer} runs. */
public enum SambaBackend {
    /** A server someone else runs, named by {@code SMBCO_TEST_SERVER=host[:port]}. */
    EXTERNAL,
    /** A Testcontainers container of the smbco Samba image. */
    CONTAINER,
    /** A private {@code smbd} on a loopback port, started by {@code docker/samba-setup.sh local}. */
    LOCAL
}
