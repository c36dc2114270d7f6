package dev.smbco.bench.peers;

import java.nio.file.Path;

/**
 * A client measured by {@link PeersHarness}: smbco, smbj, jcifs-ng or smbclient, connected to the
 * benchmark's share for the whole run. The harness times {@link #run}; everything else (making the
 * files a stat or a delete needs, removing them) is outside the measurement.
 */
interface Peer extends AutoCloseable {
    /** The name in the table, with the configuration that matters (e.g. "smbco 64 coroutines"). */
    String name();

    /** Whether this peer does {@code w} (with its concurrency) at all. */
    boolean can(Workload w);

    /**
     * Runs {@code w} on {@code n} files: for the file workloads the files are {@code dir/f0..f(n-1)}
     * (share-relative, '/' separated); for {@link Workload#LIST} {@code dir} has n entries; for the
     * trees {@code local} is the local tree (upload) or the empty local target (download) and
     * {@code dir} the remote tree.
     */
    void run(Workload w, String dir, int n, byte[] data, Path local) throws Exception;

    /**
     * Checks what {@link #run} left outside the process (e.g. the files smbclient wrote locally for
     * {@link Workload#READ}), after the clock stopped; throws when it is wrong, and the round is not counted.
     */
    default void check(Workload w, String dir, int n, byte[] data) throws Exception {
    }

    /** How many times {@link #run} does {@code w} (a peer may repeat a workload too short to time alone). */
    default int repeats(Workload w) {
        return 1;
    }

    @Override
    void close() throws Exception;
}
