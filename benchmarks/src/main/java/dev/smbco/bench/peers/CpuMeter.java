package dev.smbco.bench.peers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a cell's time goes: for each (workload, peer) cell of {@link PeersHarness}, the CPU per
 * operation of the server and of the client, next to the wall time per operation.
 * <ul>
 * <li>Server: the private smbd's whole process tree ({@link ProcessCpu#treeTicks}), when its PID is
 * known ({@code --smbd-pid}).</li>
 * <li>Client, library peers (smbco, smbj, jcifs-ng): the harness JVM's own user + system time, all
 * its threads (event loops, JIT, GC) included.</li>
 * <li>Client, command-line peers (smbclient, the smbco CLI): the CPU of the JVM's reaped children
 * (cutime + cstime of {@code /proc/self/stat}, what {@code getrusage(RUSAGE_CHILDREN)} counts): the
 * peer's process, which the JVM waits for and reaps inside the cell.</li>
 * </ul>
 * smbclient's file workloads subtract one empty session's CPU (server and client, the mean of its
 * calibration sessions) as they subtract its wall time.
 */
final class CpuMeter {
    /** 0 when smbd's CPU is not measured. */
    private final int smbdPid;
    /** peer name -> ticks of smbd and of the client in one empty session. */
    private final Map<String, double[]> startup = new HashMap<>();
    /** workload|peer -> µs per operation, one per measured round. */
    private final Map<String, List<Double>> smbd = new HashMap<>();
    private final Map<String, List<Double>> client = new HashMap<>();

    CpuMeter(int smbdPid) {
        this.smbdPid = smbdPid;
    }

    /** The CPU counters at one instant, in clock ticks. */
    record Mark(long smbd, long own, long children) {
    }

    /** The counters at the start of a measurement: the walk through /proc (JVM CPU) comes before this JVM's own counters are read. */
    Mark start() {
        long server = smbdPid > 0 ? ProcessCpu.treeTicks(smbdPid) : 0;
        ProcessCpu.Times self = ProcessCpu.self();
        return new Mark(server, self.utime() + self.stime(), self.cutime() + self.cstime());
    }

    /** The counters at its end: this JVM's first, then the walk through /proc, which so stays out of the client's CPU. */
    Mark end() {
        ProcessCpu.Times self = ProcessCpu.self();
        long server = smbdPid > 0 ? ProcessCpu.treeTicks(smbdPid) : 0;
        return new Mark(server, self.utime() + self.stime(), self.cutime() + self.cstime());
    }

    /** Records what {@code sessions} empty sessions of {@code peer} between the marks cost, to subtract from its file workloads. */
    void startup(String peer, Mark from, Mark to, int sessions) {
        startup.put(peer, new double[] {(double) (to.smbd() - from.smbd()) / sessions, (double) (to.children() - from.children()) / sessions});
    }

    /**
     * Records one measured cell of {@code ops} operations between the marks; {@code process}: the
     * peer is a child process; {@code lessStartup}: subtract its recorded empty session. Returns
     * the cell's figures for the round's line.
     */
    String record(Workload w, String peer, Mark from, Mark to, long ops, boolean process, boolean lessStartup) {
        double s = to.smbd() - from.smbd();
        double c = process ? to.children() - from.children() : to.own() - from.own();
        double[] empty = lessStartup ? startup.get(peer) : null;
        if (empty != null) {
            s -= empty[0];
            c -= empty[1];
        }
        double smbdPerOp = ProcessCpu.micros(1) * s / ops;
        double clientPerOp = ProcessCpu.micros(1) * c / ops;
        client.computeIfAbsent(w + "|" + peer, k -> new ArrayList<>()).add(clientPerOp);
        if (smbdPid <= 0) {
            return String.format(Locale.ROOT, "client %.0f us/op", clientPerOp);
        }
        smbd.computeIfAbsent(w + "|" + peer, k -> new ArrayList<>()).add(smbdPerOp);
        return String.format(Locale.ROOT, "smbd %.0f us/op, client %.0f us/op", smbdPerOp, clientPerOp);
    }

    /** The table: per workload and peer, the medians of wall, smbd and client µs per operation. */
    void print(Set<Workload> workloads, List<Peer> peers, Map<String, List<Double>> rates) {
        System.out.printf(Locale.ROOT, "%nwhere the time goes: median us per operation (min-max); CPU from /proc, %d ticks/s;"
                + " client = the harness JVM (library peers) or the peer's process (command-line peers)%n", ProcessCpu.ticksPerSecond());
        for (Workload w : workloads) {
            System.out.printf(Locale.ROOT, "%n%s%n  %-26s %16s %22s %22s %7s%n", w.label, "peer", "wall", "smbd CPU", "client CPU", "smbd %");
            for (Peer p : peers) {
                String key = w + "|" + p.name();
                List<Double> r = rates.get(key);
                if (r == null) {
                    continue;
                }
                List<Double> wall = r.stream().map(x -> 1e6 / x).toList();
                double wallMedian = median(wall);
                List<Double> s = smbd.get(key);
                System.out.printf(Locale.ROOT, "  %-26s %16s %22s %22s %7s%n", p.name(), cell(wall), s == null ? "-" : cell(s),
                        cell(client.get(key)), s == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * median(s) / wallMedian));
            }
        }
    }

    private static String cell(List<Double> v) {
        return String.format(Locale.ROOT, "%.0f (%.0f-%.0f)", median(v), v.stream().mapToDouble(x -> x).min().orElse(0),
                v.stream().mapToDouble(x -> x).max().orElse(0));
    }

    static double median(List<Double> r) {
        List<Double> s = new ArrayList<>(r);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
