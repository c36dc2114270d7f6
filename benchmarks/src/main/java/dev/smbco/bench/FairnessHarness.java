package dev.smbco.bench;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import io.netty.buffer.Unpooled;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fairness between a large transfer and small requests on one connection (issue #11): a 1 GiB
 * download and {@code n} small files written (CREATE + WRITE 4 KiB + CLOSE, by one coroutine and
 * by many), each alone and both together, side by side in one run. Each round runs "small files
 * alone", "download alone" and "together" in an order that rotates from round to round, after one
 * unmeasured warm-up round; the table gives medians, min and max.
 *
 * <p>"Together" starts the download and the small files at the same instant and measures both over
 * the <em>overlap</em>: from the start until the first of the two finishes, when the other's
 * progress (bytes received, files written) is sampled. Neither rate is therefore flattered by a
 * stretch where the other had already ended. The targets: small files keep at least 50 % of their
 * rate alone, the download at least 70 % of its rate alone.
 *
 * <pre>
 * java -cp benchmarks.jar dev.smbco.bench.FairnessHarness --host 127.0.0.1 --port PORT \
 *     [--share share --user test --password test-password --domain WORKGROUP]
 *     [--mib 1024] [--files 2000] [--coroutines 1,64] [--rounds 3] [--dir /dev/shm]
 *     [--credit-target N] [--budget-mib N] [--io-kib N] [--depth N]
 * </pre>
 */
public final class FairnessHarness {
    private final SmbTree tree;
    private final SmbTree admin;
    private final Path scratch;
    private final int files;
    private final long size;
    private final byte[] data = new byte[4096];
    private final AtomicLong seq = new AtomicLong();
    /** "what|coroutines" -> rates, one per measured round. */
    private final Map<String, List<Double>> rates = new HashMap<>();

    private FairnessHarness(SmbTree tree, SmbTree admin, Path scratch, int files, long size) {
        this.tree = tree;
        this.admin = admin;
        this.scratch = scratch;
        this.files = files;
        this.size = size;
        new Random(2).nextBytes(data);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String host = a.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(a.getOrDefault("port", "445"));
        Credentials cred = Credentials.ntlm(a.getOrDefault("user", "test"), a.getOrDefault("password", "test-password").toCharArray(),
                a.getOrDefault("domain", "WORKGROUP"));
        String share = a.getOrDefault("share", "share");
        int files = Integer.parseInt(a.getOrDefault("files", "2000"));
        long size = Long.parseLong(a.getOrDefault("mib", "1024")) << 20;
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        List<Integer> coroutines = new ArrayList<>();
        for (String c : a.getOrDefault("coroutines", "1,64").split(",")) {
            coroutines.add(Integer.parseInt(c));
        }
        SmbConfig.Builder b = SmbConfig.defaults().toBuilder();
        if (a.containsKey("credit-target")) {
            b.creditTarget(Integer.parseInt(a.get("credit-target")));
        }
        if (a.containsKey("budget-mib")) {
            b.memoryBudget(Long.parseLong(a.get("budget-mib")) << 20);
        }
        if (a.containsKey("io-kib")) {
            b.maxIoSize(Integer.parseInt(a.get("io-kib")) << 10);
        }
        if (a.containsKey("depth")) {
            b.transferDepth(Integer.parseInt(a.get("depth")));
        }
        SmbConfig config = b.build();
        System.out.printf(Locale.ROOT, "smbco: credit target %d, memory budget %d MiB, transfer depth %d, max I/O %d KiB%n",
                config.creditTarget(), config.memoryBudget() >> 20, config.transferDepth(), config.maxIoSize() >> 10);
        Path scratch = Files.createTempDirectory(Path.of(a.getOrDefault("dir", "/dev/shm")), "smbco-fair-");
        try (SmbClient client = SmbClient.create(config); SmbClient adminClient = SmbClient.create(SmbConfig.defaults())) {
            SmbConnection c = client.connect(host, port);
            SmbTree tree = c.sessionSetup(cred).treeConnect(share);
            System.out.println("negotiated " + c.negotiated().dialect() + ", load before: " + load());
            SmbTree admin = adminClient.connect(host, port).sessionSetup(cred).treeConnect(share);
            FairnessHarness h = new FairnessHarness(tree, admin, scratch, files, size);
            try {
                h.setUp();
                h.measure(coroutines, rounds);
                h.print(coroutines, rounds);
            } finally {
                admin.deleteTree("fair");
            }
        } finally {
            try (var s = Files.walk(scratch)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
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

    /** The big file, random bytes, uploaded once through the admin connection (untimed). */
    private void setUp() throws Exception {
        admin.mkdir("fair");
        Path big = scratch.resolve("big.bin");
        Random r = new Random(3);
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(big)) {
            for (long done = 0; done < size; done += block.length) {
                r.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
        try (SmbFile f = admin.open("fair/big.bin", OpenOptions.write())) {
            f.uploadSend(big).await();
        }
        Files.delete(big);
    }

    private void measure(List<Integer> coroutines, int rounds) throws Exception {
        String[] kinds = {"small", "download", "together"};
        for (int round = -1; round < rounds; round++) {
            for (int co : coroutines) {
                for (int k = 0; k < kinds.length; k++) {
                    String kind = kinds[Math.floorMod(k + round, kinds.length)];
                    double[] r = switch (kind) {
                        case "small" -> new double[] {smallAlone(co)};
                        case "download" -> new double[] {downloadAlone()};
                        default -> together(co);
                    };
                    if (round < 0) {
                        continue;
                    }
                    if (kind.equals("together")) {
                        record("small together|" + co, r[0]);
                        record("download together|" + co, r[1]);
                        System.out.printf(Locale.ROOT, "  round %d %3d coroutine(s) together: %8.0f files/s  %8.1f MiB/s  (overlap %.2f s)%n",
                                round + 1, co, r[0], r[1], r[2]);
                    } else if (kind.equals("small")) {
                        record("small alone|" + co, r[0]);
                        System.out.printf(Locale.ROOT, "  round %d %3d coroutine(s) small alone: %8.0f files/s%n", round + 1, co, r[0]);
                    } else {
                        record("download alone|" + co, r[0]);
                        System.out.printf(Locale.ROOT, "  round %d download alone: %8.1f MiB/s%n", round + 1, r[0]);
                    }
                }
            }
            System.out.println((round < 0 ? "warm-up round" : "round " + (round + 1) + " of " + rounds) + " done, load: " + load());
        }
    }

    private void record(String key, double rate) {
        rates.computeIfAbsent(key, x -> new ArrayList<>()).add(rate);
    }

    /** Starts {@code co} coroutines writing {@code files} small files into a fresh directory; counts each file written. */
    private List<Request<Void>> startSmall(String dir, int co, AtomicInteger written, Runnable onLast) {
        List<Request<Void>> all = new ArrayList<>();
        for (int k = 0; k < co; k++) {
            int first = k;
            all.add(Coroutine.start(tree.loop(), c -> {
                for (int i = first; i < files; i += co) {
                    c.await(tree.writeFileSend(dir + "/f" + i, OpenOptions.write(), Unpooled.wrappedBuffer(data)));
                    if (written.incrementAndGet() == files) {
                        onLast.run();
                    }
                }
                return null;
            }));
        }
        return all;
    }

    private String freshDir() {
        String dir = "fair/s" + seq.incrementAndGet();
        admin.mkdir(dir);
        return dir;
    }

    private double smallAlone(int co) {
        String dir = freshDir();
        long start = System.nanoTime();
        startSmall(dir, co, new AtomicInteger(), () -> { }).forEach(Request::await);
        double seconds = (System.nanoTime() - start) / 1e9;
        admin.deleteTree(dir);
        return files / seconds;
    }

    private double downloadAlone() throws Exception {
        Path target = scratch.resolve("down.bin");
        try (SmbFile f = tree.open("fair/big.bin", OpenOptions.read())) {
            long start = System.nanoTime();
            long got = f.downloadSend(target).await();
            double seconds = (System.nanoTime() - start) / 1e9;
            check(got);
            return got / seconds / (1 << 20);
        } finally {
            Files.deleteIfExists(target);
        }
    }

    private void check(long got) {
        if (got != size) {
            throw new IllegalStateException("downloaded " + got + " bytes, not " + size);
        }
    }

    /** When the first of the two ended: seconds since the start, bytes downloaded and files written by then. */
    private record Sample(double seconds, long bytes, int files) {
    }

    /** @return {files/s, MiB/s, overlap seconds}, both rates over the overlap */
    private double[] together(int co) throws Exception {
        String dir = freshDir();
        Path target = scratch.resolve("down.bin");
        AtomicLong bytes = new AtomicLong();
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Sample> first = new AtomicReference<>();
        try (SmbFile f = tree.open("fair/big.bin", OpenOptions.read())) {
            long start = System.nanoTime();
            Runnable sample = () -> first.compareAndSet(null, new Sample((System.nanoTime() - start) / 1e9, bytes.get(), written.get()));
            Request<Long> download = f.downloadSend(target, (done, total) -> {
                bytes.set(done);
                if (done == size) {
                    sample.run();
                }
            });
            List<Request<Void>> small = startSmall(dir, co, written, sample);
            check(download.await());
            small.forEach(Request::await);
            Sample s = first.get();
            return new double[] {s.files() / s.seconds(), s.bytes() / s.seconds() / (1 << 20), s.seconds()};
        } finally {
            Files.deleteIfExists(target);
            admin.deleteTree(dir);
        }
    }

    private static double median(List<Double> r) {
        List<Double> s = new ArrayList<>(r);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private String cell(String key) {
        List<Double> r = rates.get(key);
        return String.format(Locale.ROOT, "%8.1f (%.1f-%.1f)", median(r), r.stream().mapToDouble(x -> x).min().orElse(0),
                r.stream().mapToDouble(x -> x).max().orElse(0));
    }

    private void print(List<Integer> coroutines, int rounds) {
        System.out.println("load after: " + load());
        System.out.printf(Locale.ROOT, "%nmedian of %d rounds (min-max); %d x 4 KiB files, a %d MiB download, one connection%n",
                rounds, files, size >> 20);
        for (int co : coroutines) {
            double sa = median(rates.get("small alone|" + co));
            double st = median(rates.get("small together|" + co));
            double da = median(rates.get("download alone|" + co));
            double dt = median(rates.get("download together|" + co));
            System.out.printf(Locale.ROOT, "%n%d coroutine(s) writing small files%n", co);
            System.out.printf(Locale.ROOT, "  small files alone      %s files/s%n", cell("small alone|" + co));
            System.out.printf(Locale.ROOT, "  small files together   %s files/s  -> %.0f %% of alone (target >= 50 %%)%n",
                    cell("small together|" + co), 100 * st / sa);
            System.out.printf(Locale.ROOT, "  download alone         %s MiB/s%n", cell("download alone|" + co));
            System.out.printf(Locale.ROOT, "  download together      %s MiB/s  -> %.0f %% of alone (target >= 70 %%)%n",
                    cell("download together|" + co), 100 * dt / da);
        }
    }
}
