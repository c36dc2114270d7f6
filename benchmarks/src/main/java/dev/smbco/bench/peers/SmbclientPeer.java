package dev.smbco.bench.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Samba's smbclient, one process per workload with its commands on stdin (so the N operations
 * share one connection, as a script would do it): {@code put} / {@code get} / {@code del} per file
 * ({@code get} into a directory under the scratch directory on tmpfs, checked after the clock stops), {@code ls}
 * of the directory, {@code recurse on; prompt off; mput} / {@code mget} for the trees. It has no
 * stat of its own for SMB2 ({@code allinfo} asks for much more), so it sits that one out.
 * The file workloads' times exclude the process start and session setup (the median of three
 * empty sessions measured at {@link #calibrate()}); the tree copies are wall time of the whole
 * command, process start included, like {@link SmbcoCliPeer}'s.
 */
final class SmbclientPeer implements Peer {
    private final Target t;
    private final Path scratch;
    private final Path localFile;
    private double startup;
    /** How many empty sessions {@link #calibrate()} runs. */
    static final int CALIBRATION_SESSIONS = 3;
    /** One listing takes about as long as the session set-up subtracted from it: list ten times. */
    private static final int LIST_REPEATS = 10;

    SmbclientPeer(Target t, Path scratch, byte[] data) throws Exception {
        this.t = t;
        this.scratch = Files.createDirectories(scratch.resolve("smbclient"));
        this.localFile = this.scratch.resolve("data.bin");
        Files.write(localFile, data);
    }

    @Override
    public String name() {
        return "smbclient (one process)";
    }

    @Override
    public boolean can(Workload w) {
        return w != Workload.STAT;
    }

    private List<String> command() {
        return List.of("smbclient", "//" + t.host() + "/" + t.share(), "-p", String.valueOf(t.port()),
                "-U", t.domain() + "\\" + t.user() + "%" + t.password());
    }

    private void session(String commands) throws Exception {
        Commands.run(command(), Map.of(), commands, scratch);
    }

    /** Measures the cost of an empty session (start, negotiate, session setup, tree connect, exit). */
    void calibrate() throws Exception {
        double[] s = new double[CALIBRATION_SESSIONS];
        for (int i = 0; i < s.length; i++) {
            long start = System.nanoTime();
            session("exit\n");
            s[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(s);
        startup = s[s.length / 2];
    }

    /** What {@link PeersHarness} subtracts from a file workload's time. */
    double startupSeconds() {
        return startup;
    }

    private static String smb(String path) {
        return path.replace('/', '\\');
    }

    @Override
    public void run(Workload w, String dir, int n, byte[] data, Path local) throws Exception {
        StringBuilder c = new StringBuilder();
        switch (w) {
            case CREATE -> {
                for (int i = 0; i < n; i++) {
                    c.append("put ").append(localFile).append(' ').append(smb(dir)).append("\\f").append(i).append('\n');
                }
            }
            case READ -> {
                Path into = fresh(readDir());
                c.append("lcd ").append(into).append('\n');
                for (int i = 0; i < n; i++) {
                    c.append("get ").append(smb(dir)).append("\\f").append(i).append(" f").append(i).append('\n');
                }
            }
            case DELETE -> {
                for (int i = 0; i < n; i++) {
                    c.append("del ").append(smb(dir)).append("\\f").append(i).append('\n');
                }
            }
            case LIST -> c.append(("ls " + smb(dir) + "\\*\n").repeat(LIST_REPEATS));
            case UPLOAD_TREE -> {
                // mput recreates the local directory under the remote one: dir/<local name>/...
                c.append("mkdir ").append(smb(dir)).append("\ncd ").append(smb(dir)).append("\nlcd ").append(local.getParent())
                        .append("\nprompt off\nrecurse on\nmput ").append(local.getFileName()).append('\n');
            }
            case DOWNLOAD_TREE -> {
                Files.createDirectories(local);
                c.append("lcd ").append(local).append("\nprompt off\nrecurse on\nmget ").append(smb(dir)).append('\n');
            }
            default -> throw new IllegalArgumentException(w.name());
        }
        c.append("exit\n");
        session(c.toString());
    }

    private Path readDir() {
        return scratch.resolve("read");
    }

    private static Path fresh(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return Files.createDirectories(dir);
    }

    /** After {@link Workload#READ}: each of the n local copies must hold exactly what was written; they are deleted. */
    @Override
    public void check(Workload w, String dir, int n, byte[] data) throws Exception {
        if (w != Workload.READ) {
            return;
        }
        Path into = readDir();
        for (int i = 0; i < n; i++) {
            Path f = into.resolve("f" + i);
            byte[] got = Files.exists(f) ? Files.readAllBytes(f) : null;
            if (got == null || !Arrays.equals(got, data)) {
                throw new IllegalStateException(name() + ": " + dir + "/f" + i + (got == null ? " not fetched" : ": " + got.length
                        + " bytes, not the " + data.length + " written"));
            }
        }
        fresh(into);
    }

    @Override
    public int repeats(Workload w) {
        return w == Workload.LIST ? LIST_REPEATS : 1;
    }

    @Override
    public void close() {
    }

    /** Counts the regular files below {@code root}. */
    static long countFiles(Path root) throws Exception {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

}
