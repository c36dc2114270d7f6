package dev.smbco.bench;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Small files on one connection: N x (CREATE + WRITE 4 KiB + CLOSE) through {@code
 * SmbTree.writeFile}, then N stats and N deletes, each workload timed on its own, with one
 * coroutine (sequential) or with many on the same connection (each takes every k-th file).
 * Modes: plain or signed; compounding on (one round trip per file) or off (three). Rounds
 * alternate the configurations, each on a fresh client, after one unmeasured warm-up round.
 * Besides the wall time it reports the CPU time of this JVM and, given {@code --smbd-pid}, of
 * the smbd processes serving it (the children of that pid), and the write system calls of this
 * JVM: on a shared machine CPU and system calls per file move less than the wall time. Each measurement is printed as a {@code RESULT} line
 * (benchmarks/batch.sh alternates two builds and takes medians of them). Usage:
 * <pre>
 * java -cp benchmarks.jar dev.smbco.bench.SmallFilesHarness --host 127.0.0.1 --port 445 \
 *     [--share share --user test --password test-password] [--files 2000] [--rounds 3] [--warmup 1]
 *     [--coroutines 1,64] [--modes plain,signed] [--compounding on,off] [--workloads create,stat,delete]
 *     [--smbd-pid PID] [--label name]
 * </pre>
 * Defaults: one coroutine, plain, compounding on and off, create only (the "Compounding" table).
 */
public final class SmallFilesHarness {
    private final String host;
    private final int port;
    private final Credentials who;
    private final String share;
    private final int files;
    private final long smbdPid;
    private final String label;
    private final byte[] data = new byte[4096];
    /** configuration|workload -> rates of the measured rounds. */
    private final Map<String, List<Double>> rates = new LinkedHashMap<>();

    private SmallFilesHarness(Map<String, String> a) {
        host = a.getOrDefault("host", "127.0.0.1");
        port = Integer.parseInt(a.getOrDefault("port", "445"));
        files = Integer.parseInt(a.getOrDefault("files", "2000"));
        who = Credentials.ntlm(a.getOrDefault("user", "test"), a.getOrDefault("password", "test-password").toCharArray(),
                a.getOrDefault("domain", "WORKGROUP"));
        share = a.getOrDefault("share", "share");
        smbdPid = Long.parseLong(a.getOrDefault("smbd-pid", "0"));
        label = a.getOrDefault("label", "smbco");
        new Random(1).nextBytes(data);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        SmallFilesHarness h = new SmallFilesHarness(a);
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        int warmup = Integer.parseInt(a.getOrDefault("warmup", "1"));
        List<Integer> coroutines = new ArrayList<>();
        for (String c : a.getOrDefault("coroutines", "1").split(",")) {
            coroutines.add(Integer.parseInt(c));
        }
        List<String> modes = List.of(a.getOrDefault("modes", "plain").split(","));
        List<String> compounding = List.of(a.getOrDefault("compounding", "on,off").split(","));
        List<String> workloads = List.of(a.getOrDefault("workloads", "create").split(","));
        for (int round = -warmup; round < rounds; round++) {
            for (String mode : modes) {
                for (String compound : compounding) {
                    for (int k : coroutines) {
                        h.round(mode, compound.equals("on"), k, workloads, round);
                    }
                }
            }
        }
        h.summary();
    }

    private void round(String mode, boolean compound, int coroutines, List<String> workloads, int round) throws Exception {
        SmbConfig.Builder b = SmbConfig.builder().compounding(compound);
        if (mode.equals("signed")) {
            b.signing(SmbConfig.Policy.REQUIRED);
        } else if (!mode.equals("plain")) {
            throw new IllegalArgumentException("mode " + mode + ": plain or signed");
        }
        String config = String.format(Locale.ROOT, "mode=%s compounding=%s coroutines=%d", mode, compound ? "on" : "off", coroutines);
        try (SmbClient client = SmbClient.create(b.build())) {
            SmbConnection conn = client.connect(host, port);
            SmbTree tree = conn.sessionSetup(who).treeConnect(share);
            String dir = "small-" + mode + "-" + compound + "-" + coroutines + "-" + round + "-" + System.nanoTime();
            tree.mkdir(dir);
            List<String> todo = new ArrayList<>(workloads);
            if (!todo.contains("create")) {
                todo.add(0, "create"); // stat and delete need the files
            }
            if (!todo.contains("delete")) {
                todo.add("delete");
            }
            for (String w : todo) {
                Op op = switch (w) {
                    case "create" -> i -> tree.writeFile(dir + "/f" + i, OpenOptions.write(), Unpooled.wrappedBuffer(data));
                    case "stat" -> i -> {
                        if (tree.stat(dir + "/f" + i).size() != data.length) {
                            throw new IllegalStateException("wrong size of f" + i);
                        }
                    };
                    case "delete" -> i -> tree.delete(dir + "/f" + i);
                    default -> throw new IllegalArgumentException("workload " + w + ": create, stat or delete");
                };
                long cpu0 = clientCpuNanos();
                long smbd0 = smbdCpuTicks();
                long sys0 = syscalls();
                long t0 = System.nanoTime();
                each(tree, coroutines, op);
                double seconds = (System.nanoTime() - t0) / 1e9;
                double clientMs = (clientCpuNanos() - cpu0) / 1e6;
                double smbdMs = (smbdCpuTicks() - smbd0) * 10.0; // USER_HZ = 100
                long sys1 = syscalls();
                if (round >= 0 && workloads.contains(w)) {
                    double rate = files / seconds;
                    rates.computeIfAbsent(config + " workload=" + w, k -> new ArrayList<>()).add(rate);
                    System.out.printf(Locale.ROOT, "RESULT label=%s round=%d %s workload=%s files=%d wall_s=%.3f rate=%.0f "
                            + "client_cpu_ms=%.0f smbd_cpu_ms=%.0f client_writes=%d load=%s%n", label, round + 1, config, w, files,
                            seconds, rate, clientMs, smbdMs, sys1 - sys0, load());
                }
            }
            tree.rmdir(dir);
            conn.close();
        }
    }

    /** One operation on file {@code i}. */
    @FunctionalInterface
    private interface Op {
        void run(int i) throws Exception;
    }

    /** Runs {@code op} on every file: here in order, or from {@code coroutines} coroutines on the connection, each every k-th file. */
    private void each(SmbTree tree, int coroutines, Op op) throws Exception {
        if (coroutines == 1) {
            for (int i = 0; i < files; i++) {
                op.run(i);
            }
            return;
        }
        List<Request<Void>> all = new ArrayList<>();
        for (int k = 0; k < coroutines; k++) {
            int first = k;
            all.add(Coroutine.start(tree.loop(), co -> {
                for (int i = first; i < files; i += coroutines) {
                    op.run(i);
                }
                return null;
            }));
        }
        for (Request<Void> r : all) {
            r.await();
        }
    }

    private void summary() {
        System.out.println("files/s, median of the measured rounds (min, max):");
        for (Map.Entry<String, List<Double>> e : rates.entrySet()) {
            List<Double> r = new ArrayList<>(e.getValue());
            r.sort(null);
            System.out.printf(Locale.ROOT, "  %s: median %.0f (min %.0f, max %.0f)%n", e.getKey(), r.get(r.size() / 2), r.get(0),
                    r.get(r.size() - 1));
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Write-like system calls of this JVM so far ({@code syscw} of /proc/self/io: Netty's write and
     * writev on the socket, little else): how many writes a burst of requests costs, whatever the
     * load. (smbd receives and sends with recvmsg and sendmsg, which /proc/PID/io does not count.)
     */
    private static long syscalls() {
        return io(Path.of("/proc/self/io"), "syscw");
    }

    private static long io(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.substring(field.length() + 1).trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The /proc directories of the processes whose parent is {@code --smbd-pid}. */
    private List<Path> smbdChildren() {
        List<Path> out = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                if (!d.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    if (Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]) == smbdPid) {
                        out.add(d);
                    }
                } catch (IOException gone) {
                    // exited meanwhile
                }
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /** utime + stime (clock ticks) of the smbd processes whose parent is {@code --smbd-pid}: the ones serving connections. */
    private long smbdCpuTicks() {
        if (smbdPid <= 0) {
            return 0;
        }
        long ticks = 0;
        for (Path d : smbdChildren()) {
            try {
                String stat = Files.readString(d.resolve("stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (state is f[0])
            } catch (IOException gone) {
                // exited meanwhile
            }
        }
        return ticks;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
