package dev.smbco.bench.peers;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import io.netty.buffer.Unpooled;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * smbco side by side with smbj, jcifs-ng and smbclient (and the smbco command line against
 * smbclient for tree copies) on one server in one run: small-file creates, stats, 4 KiB reads,
 * deletes, the listing of a big directory and tree copies, with one caller and with many. Rounds
 * alternate the peers (the order rotates each round) after one unmeasured warm-up round; the
 * table gives medians, min and max of the rates. Setup and cleanup between workloads go through a separate
 * smbco connection and are never timed. See BENCHMARKS.md, "Peers". Usage:
 * <pre>
 * java -cp benchmarks.jar dev.smbco.bench.peers.PeersHarness --host 127.0.0.1 --port PORT \
 *     [--share share --user test --password test-password --domain WORKGROUP]
 *     [--files 2000] [--rounds 3] [--coroutines 64] [--threads 16] [--dir /dev/shm] [--cli ./smbco]
 *     [--peers smbco,smbj,jcifs,smbclient,cli] [--cli-before OTHER/smbco (another build's CLI, for before/after)]
 *     [--workloads create,stat,read,delete,list,upload-tree,download-tree (default: all)]
 *     [--read-max BYTES (smbco's readFile maxLength, default 1048576)]
 *     [--smbd-pid PID (the server's parent smbd: its tree's CPU per operation goes in the CPU table)]
 * </pre>
 * Without {@code create} in {@code --workloads} the files that stat, read and delete work on are
 * written through the setup connection instead, untimed. Each cell's CPU per operation, server's
 * and client's, is measured by {@link CpuMeter} and printed after the rates.
 */
public final class PeersHarness {
    private static final int PER_DIR = 100;

    private final Target target;
    private final int files;
    private final byte[] data = new byte[4096];
    private final Path scratch;
    private final SmbClient adminClient;
    private final SmbTree admin;
    /** workload|peer -> rates, one per measured round. */
    private final Map<String, List<Double>> rates = new HashMap<>();
    private final AtomicLong seq = new AtomicLong();
    /** peer -> rounds in which it failed. */
    private final Map<String, Integer> failures = new HashMap<>();
    private final Set<Workload> workloads;
    private final CpuMeter cpu;

    private PeersHarness(Target target, int files, Path scratch, Set<Workload> workloads, CpuMeter cpu) {
        this.target = target;
        this.cpu = cpu;
        this.workloads = workloads;
        this.files = files;
        this.scratch = scratch;
        new Random(1).nextBytes(data);
        adminClient = SmbClient.create(SmbConfig.defaults());
        SmbConnection c = adminClient.connect(target.host(), target.port());
        admin = c.sessionSetup(Credentials.ntlm(target.user(), target.password().toCharArray(), target.domain())).treeConnect(target.share());
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Target t = new Target(a.getOrDefault("host", "127.0.0.1"), Integer.parseInt(a.getOrDefault("port", "445")),
                a.getOrDefault("share", "share"), a.getOrDefault("user", "test"), a.getOrDefault("password", "test-password"),
                a.getOrDefault("domain", "WORKGROUP"));
        int files = Integer.parseInt(a.getOrDefault("files", "2000"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        int coroutines = Integer.parseInt(a.getOrDefault("coroutines", "64"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "16"));
        List<String> which = List.of(a.getOrDefault("peers", "smbco,smbj,jcifs,smbclient,cli").split(","));
        Path scratch = Files.createTempDirectory(Path.of(a.getOrDefault("dir", "/dev/shm")), "smbco-peers-");
        Set<Workload> workloads = a.containsKey("workloads") ? Workload.parse(a.get("workloads")) : EnumSet.allOf(Workload.class);
        CpuMeter cpu = new CpuMeter(Integer.parseInt(a.getOrDefault("smbd-pid", "0")));
        PeersHarness h = new PeersHarness(t, files, scratch, workloads, cpu);
        List<Peer> peers = new ArrayList<>();
        try {
            if (which.contains("smbco")) {
                int readMax = Integer.parseInt(a.getOrDefault("read-max", String.valueOf(1 << 20)));
                SmbcoPeer p = new SmbcoPeer(t, 1, readMax);
                System.out.println("smbco negotiated " + p.dialect() + "; readFile maxLength " + readMax);
                peers.add(p);
                peers.add(new SmbcoPeer(t, coroutines, readMax));
            }
            if (which.contains("smbj")) {
                SmbjPeer p = new SmbjPeer(t, 1);
                System.out.println("smbj negotiated " + p.dialect());
                peers.add(p);
                peers.add(new SmbjPeer(t, threads));
            }
            if (which.contains("jcifs")) {
                peers.add(new JcifsPeer(t, 1));
                peers.add(new JcifsPeer(t, threads));
            }
            if (which.contains("smbclient")) {
                peers.add(new SmbclientPeer(t, scratch, h.data));
            }
            if (which.contains("cli")) {
                peers.add(new SmbcoCliPeer(t, a.getOrDefault("cli", "./smbco"), scratch, ""));
            }
            if (a.containsKey("cli-before")) {
                peers.add(new SmbcoCliPeer(t, a.get("cli-before"), scratch, "before"));
            }
            h.measure(peers, rounds);
            h.print(peers, rounds);
            cpu.print(workloads, peers, h.rates);
        } finally {
            for (Peer p : peers) {
                p.close();
            }
            if (workloads.contains(Workload.LIST)) {
                h.admin.deleteTree("peers-list");
            }
            if (workloads.contains(Workload.DOWNLOAD_TREE)) {
                h.admin.deleteTree("peers-tree");
            }
            h.adminClient.close();
            try (var s = Files.walk(scratch)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "?";
        }
    }

    private void measure(List<Peer> peers, int rounds) throws Exception {
        Path tree = scratch.resolve("src").resolve("tree");
        for (int i = 0; i < files && workloads.contains(Workload.UPLOAD_TREE); i++) {
            Path d = Files.createDirectories(tree.resolve(String.format(Locale.ROOT, "d%02d", i / PER_DIR)));
            byte[] b = data.clone();
            b[0] = (byte) i;
            b[1] = (byte) (i >> 8);
            Files.write(d.resolve("f" + i), b);
        }
        if (workloads.contains(Workload.LIST)) {
            fill("peers-list", files);
        }
        if (workloads.contains(Workload.DOWNLOAD_TREE)) {
            admin.mkdir("peers-tree");
            for (int d = 0; d * PER_DIR < files; d++) {
                admin.mkdir(String.format(Locale.ROOT, "peers-tree/d%02d", d));
            }
            inParallel(files, i -> admin.writeFileSend(String.format(Locale.ROOT, "peers-tree/d%02d/f%d", i / PER_DIR, i),
                    OpenOptions.write(), Unpooled.wrappedBuffer(data)));
        }
        System.out.println("load before: " + load());
        for (int round = -1; round < rounds; round++) {
            for (int k = 0; k < peers.size(); k++) {
                Peer p = peers.get(Math.floorMod(k + round, peers.size()));
                if (round < 0 && isProcess(p)) {
                    continue; // a fresh process each time: no JIT to warm up
                }
                if (p instanceof SmbclientPeer s) {
                    CpuMeter.Mark from = cpu.start();
                    s.calibrate();
                    cpu.startup(p.name(), from, cpu.end(), SmbclientPeer.CALIBRATION_SESSIONS);
                }
                try {
                    runPeer(p, round, tree);
                } catch (Exception e) {
                    // a peer that fails (jcifs-ng's session setup sometimes times out here) loses
                    // that round, reported, and the run goes on
                    failures.merge(p.name(), 1, Integer::sum);
                    System.out.println("  round " + (round + 1) + " " + p.name() + " FAILED: " + e);
                }
            }
            System.out.println((round < 0 ? "warm-up round" : "round " + (round + 1) + " of " + rounds) + " done, load: " + load());
        }
    }

    /** A peer that runs as a child process (its CPU is the JVM's reaped children's), not inside this JVM. */
    private static boolean isProcess(Peer p) {
        return p instanceof SmbclientPeer || p instanceof SmbcoCliPeer;
    }

    private interface Send {
        Request<?> send(int i);
    }

    /** Setup through the admin connection: {@code send(0..n-1)}, 32 at a time. */
    private void inParallel(int n, Send send) {
        List<Request<Void>> all = new ArrayList<>();
        for (int k = 0; k < 32; k++) {
            int first = k;
            all.add(Coroutine.start(admin.loop(), co -> {
                for (int i = first; i < n; i += 32) {
                    co.await(send.send(i));
                }
                return null;
            }));
        }
        all.forEach(Request::await);
    }

    private void fill(String dir, int n) {
        admin.mkdir(dir);
        inParallel(n, i -> admin.writeFileSend(dir + "/f" + i, OpenOptions.write(), Unpooled.wrappedBuffer(data)));
    }

    /** Whether this run measures {@code w} for {@code p}. */
    private boolean wants(Peer p, Workload w) {
        return workloads.contains(w) && p.can(w);
    }

    private void runPeer(Peer p, int round, Path tree) throws Exception {
        String dir = "p" + seq.incrementAndGet();
        boolean onFiles = wants(p, Workload.CREATE) || wants(p, Workload.STAT) || wants(p, Workload.READ) || wants(p, Workload.DELETE);
        if (wants(p, Workload.CREATE)) {
            admin.mkdir(dir);
            time(p, Workload.CREATE, dir, round, null);
        } else if (onFiles) {
            fill(dir, files);
        }
        if (wants(p, Workload.STAT)) {
            time(p, Workload.STAT, dir, round, null);
        }
        if (wants(p, Workload.READ)) {
            time(p, Workload.READ, dir, round, null);
        }
        if (wants(p, Workload.DELETE)) {
            time(p, Workload.DELETE, dir, round, null);
            if (!admin.list(dir).isEmpty()) {
                throw new IllegalStateException(p.name() + ": files left after the deletes");
            }
        }
        if (onFiles) {
            admin.deleteTree(dir);
        }
        if (wants(p, Workload.LIST)) {
            time(p, Workload.LIST, "peers-list", round, null);
        }
        if (wants(p, Workload.UPLOAD_TREE)) {
            String up = "u" + seq.incrementAndGet();
            time(p, Workload.UPLOAD_TREE, up, round, tree);
            long got = admin.walk(up, (path, e) -> { });
            long want = files + (files + PER_DIR - 1) / PER_DIR + (p instanceof SmbclientPeer ? 1 : 0);
            if (got != want) {
                throw new IllegalStateException(p.name() + ": uploaded " + got + " entries, not " + want);
            }
            admin.deleteTree(up);
        }
        if (wants(p, Workload.DOWNLOAD_TREE)) {
            Path down = scratch.resolve("down" + seq.incrementAndGet());
            time(p, Workload.DOWNLOAD_TREE, "peers-tree", round, down);
            long got = SmbclientPeer.countFiles(down);
            if (got != files) {
                throw new IllegalStateException(p.name() + ": downloaded " + got + " files, not " + files);
            }
            try (var s = Files.walk(down)) {
                s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    private void time(Peer p, Workload w, String dir, int round, Path local) throws Exception {
        CpuMeter.Mark cpuFrom = cpu.start(); // walks /proc: outside the wall clock
        long start = System.nanoTime();
        p.run(w, dir, files, data, local);
        double seconds = (System.nanoTime() - start) / 1e9;
        CpuMeter.Mark cpuTo = cpu.end();
        p.check(w, dir, files, data); // a wrong result throws: the round is not counted
        // smbclient's file workloads leave out one empty session (its start-up), in wall time and CPU
        boolean lessStartup = p instanceof SmbclientPeer && w != Workload.UPLOAD_TREE && w != Workload.DOWNLOAD_TREE;
        if (lessStartup) {
            seconds = Math.max(seconds - ((SmbclientPeer) p).startupSeconds(), 1e-3);
        }
        if (round >= 0) {
            long ops = (long) files * p.repeats(w);
            double rate = ops / seconds;
            rates.computeIfAbsent(w + "|" + p.name(), k -> new ArrayList<>()).add(rate);
            String c = cpu.record(w, p.name(), cpuFrom, cpuTo, ops, isProcess(p), lessStartup);
            System.out.printf(Locale.ROOT, "  round %d %-26s %-26s %8.3f s %9.0f %s; %s%n", round + 1, w.label, p.name(), seconds, rate, w.unit, c);
        }
    }

    private void print(List<Peer> peers, int rounds) {
        System.out.println("load after: " + load());
        failures.forEach((peer, n) -> System.out.println(peer + " failed in " + n + " round(s) (warm-up included); its rates are of the others"));
        System.out.printf(Locale.ROOT, "%nmedian rate of %d rounds (min-max); %d files of 4 KiB, a %d-entry directory%n", rounds, files, files);
        for (Workload w : workloads) {
            System.out.printf(Locale.ROOT, "%n%s (%s)%n", w.label, w.unit);
            Map<String, Double> medians = new LinkedHashMap<>();
            for (Peer p : peers) {
                List<Double> r = rates.get(w + "|" + p.name());
                if (r == null) {
                    continue;
                }
                double m = CpuMeter.median(r);
                medians.put(p.name(), m);
                System.out.printf(Locale.ROOT, "  %-26s %9.0f  (%.0f-%.0f)%n", p.name(), m, r.stream().mapToDouble(x -> x).min().orElse(0),
                        r.stream().mapToDouble(x -> x).max().orElse(0));
            }
            ratio(medians, "smbco 1 thread", List.of("smbj 1 thread", "jcifs-ng 1 thread"), "smbclient (one process)");
            medians.keySet().stream().filter(k -> k.startsWith("smbco") && k.endsWith("coroutines")).findFirst().ifPresent(c ->
                    ratio(medians, c, medians.keySet().stream().filter(k -> k.endsWith("threads")).toList(), null));
            ratio(medians, "smbco CLI (cp -r)", List.of(), "smbclient (one process)");
            ratio(medians, "smbco CLI before", List.of(), "smbclient (one process)");
        }
    }

    private static void ratio(Map<String, Double> m, String ours, List<String> javaPeers, String smbclient) {
        Double o = m.get(ours);
        if (o == null) {
            return;
        }
        double best = javaPeers.stream().map(m::get).filter(x -> x != null).mapToDouble(x -> x).max().orElse(0);
        if (best > 0) {
            System.out.printf(Locale.ROOT, "  -> %s / best Java peer: %.2fx%n", ours, o / best);
        }
        Double s = smbclient == null ? null : m.get(smbclient);
        if (s != null) {
            System.out.printf(Locale.ROOT, "  -> %s / smbclient: %.2fx%n", ours, o / s);
        }
    }
}
